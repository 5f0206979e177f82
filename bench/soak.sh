#!/usr/bin/env bash
# The soak: the packaged daemon for CYCLES cycles (10,000 by default) with no sleep between them, against the
# bench's stand-in LNDg and a stand-in regolancer that mostly finds no route and pays one run in SOAK_ONE_IN (20).
# Prints RSS, threads and open file descriptors (min–max over 2 s: runs come and go) after the first cycle, after warm-up (WARMUP cycles) and at the
# end, then stops the daemon with SIGTERM and compares the ledger's rows with the payments the stand-in made.
# Targets: RSS flat within 10 % after warm-up, threads and fds constant, ledger rows = payments.
# RETRY_WAIT_MINUTES=0: every pair runs every cycle (a pair that found no route would rest otherwise), as the load is the point.
# REFILL_BUDGET_PERCENT=0: no refill budget (the soak measures memory and load, bench/budget.sh the budget).
# The packaged jar through its launcher (bin/regolancer-orchestrator), with the JVM options it ships with.
# Usage: bench/soak.sh   (after `mvn -B package -DskipTests`; needs bash, a JDK and coreutils). ~10 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$PWD/target/regolancer-orchestrator.jar
LAUNCHER=$PWD/bin/regolancer-orchestrator
[ -f "$JAR" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }
CYCLES=${CYCLES:-10000}
WARMUP=${WARMUP:-1000}
PORT=${PORT:-18890}

echo "soak: $CYCLES cycles, JVM options (the launcher's): $(bench/jvm-options.sh)"
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
cp -r application.properties config.template.json routes "$work"/
cp bench/soak-regolancer "$work"/regolancer
: > "$work/paid.log"

java -cp target/regolancer-orchestrator.jar bench/StandinLndg.java "$PORT" 2 2 "$work/lndg-requests.log" &
pids+=($!)
for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null && break; sleep 0.1; done

(cd "$work" && exec env -i PATH="$PATH" HOME="$HOME" LNDG_BASE_URL=http://127.0.0.1:$PORT LNDG_USER=bench \
  LNDG_PASS=bench-pass MAX_WORKERS=2 SLEEP_SECONDS=0 ENABLE_DAILY_REPORT=false RETRY_WAIT_MINUTES=0 REFILL_BUDGET_PERCENT=0 DATA_DIR="$work/data" \
  REGOLANCER_BIN="$work/regolancer" CONFIG_TEMPLATE="$work/config.template.json" \
  SOAK_PAID="$work/paid.log" SOAK_ONE_IN="${SOAK_ONE_IN:-20}" "$LAUNCHER" >"$work/daemon.log" 2>&1) &
daemon=$!
pids+=($daemon)

cycles() { [ -f "$work/lndg-requests.log" ] && wc -l < "$work/lndg-requests.log" || echo 0; }
sample() { # label: RSS, and threads and fds as min–max over 20 looks 0.1 s apart (runs come and go)
  local t f tmin=99999 tmax=0 fmin=99999 fmax=0
  for _ in $(seq 1 20); do
    t=$(awk '/Threads/{print $2}' /proc/$daemon/status); f=$(ls /proc/$daemon/fd | wc -l)
    [ "$t" -lt "$tmin" ] && tmin=$t; [ "$t" -gt "$tmax" ] && tmax=$t
    [ "$f" -lt "$fmin" ] && fmin=$f; [ "$f" -gt "$fmax" ] && fmax=$f
    sleep 0.1
  done
  printf '%-24s cycle %6d  RSS %4d MB  threads %3d–%-3d  fds %3d–%-3d\n' "$1" "$(cycles)" \
    "$(awk '/VmRSS/{print int($2/1024)}' /proc/$daemon/status)" "$tmin" "$tmax" "$fmin" "$fmax"
}
wait_for() { # cycles
  until [ "$(cycles)" -ge "$1" ]; do
    kill -0 "$daemon" 2>/dev/null || { echo "the daemon stopped:" >&2; tail -20 "$work/daemon.log" >&2; exit 1; }
    sleep 1
  done
}

t0=$(date +%s)
wait_for 1; sleep 1; sample "after the first cycle"
wait_for "$WARMUP"; sample "after warm-up"
rss_warm=$(awk '/VmRSS/{print $2}' /proc/$daemon/status)
wait_for "$CYCLES"; sample "at the end"
rss_end=$(awk '/VmRSS/{print $2}' /proc/$daemon/status)
t1=$(date +%s)
echo "RSS change after warm-up: $(awk -v a="$rss_warm" -v b="$rss_end" 'BEGIN{printf "%+.1f", (b - a) * 100 / a}') % over $((CYCLES - WARMUP)) cycles; $(( (t1 - t0) )) s in all"
kill -TERM "$daemon"; wait "$daemon" 2>/dev/null || true
rows=$(( $(wc -l < "$work/data/rebalances.csv" 2>/dev/null || echo 1) - 1 ))
paid=$(wc -l < "$work/paid.log")
echo "ledger rows: $rows, payments made by the stand-in: $paid$([ "$rows" -eq "$paid" ] && echo ' (equal)' || echo ' (DIFFERENT)')"
errors=$( [ -f "$work/data/errors.log" ] && wc -l < "$work/data/errors.log" || echo 0)
echo "errors.log lines: $errors; daemon log lines: $(wc -l < "$work/daemon.log")"
[ "$rows" -eq "$paid" ]
