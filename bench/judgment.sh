#!/usr/bin/env bash
# Measures what waiting after failed runs buys on a node-like stand-in: the packaged daemon runs MINUTES (10) minutes
# with waiting off (RETRY_WAIT_MINUTES=0) and MINUTES with it on (RETRY_WAIT_MINUTES=1, RETRY_WAIT_MAX_MINUTES=12: one
# minute here stands for about 12 cycles, as 30 minutes does in production at a 60 s cycle; 12 stands for 360), each
# against a fresh bench/NodeLndg.java (30 pairs: 2 always pay, 4 pay with chance 0.3, 24 never; payments move
# balances, so a refilled target stops being a target). Prints for each: regolancer runs, payments, sats moved, useful
# sats (into a target only up to what it needed to fall below its ar_in_target), runs per payment, when the payable
# targets were full. Goal: waiting on makes at most a third of the runs and moves at least 90 % of the useful sats.
# It measures the judgment alone, as it did before LNDg's refresh interval: LNDG_REFRESH_SECONDS=0 (a cycle every
# SLEEP_SECONDS even when all pairs rest), and with no refill budget (REFILL_BUDGET_PERCENT=0: bench/budget.sh measures that).
# Usage: bench/judgment.sh   (after `mvn -B package -DskipTests`; bash, a JDK, coreutils). MINUTES=1 for a smoke run.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$PWD/target/regolancer-orchestrator.jar
[ -f "$JAR" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }
MINUTES=${MINUTES:-10}
PORT=${PORT:-18891}
SEED=${SEED:-42}
JVM_OPTS=$(bench/jvm-options.sh)

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
cp -r application.properties config.template.json routes "$work"/
cp bench/node-regolancer "$work"/regolancer

one_mode() { # label, extra env...
  local label=$1; shift
  java -cp "$JAR" bench/NodeLndg.java "$PORT" "$SEED" &
  local lndg=$!
  pids+=($lndg)
  for _ in $(seq 1 200); do (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null && break; sleep 0.1; done
  rm -rf "$work/data"
  (cd "$work" && exec env -i PATH="$PATH" HOME="$HOME" "$@" LNDG_BASE_URL=http://127.0.0.1:$PORT LNDG_USER=bench \
    LNDG_PASS=bench-pass MAX_WORKERS=2 SLEEP_SECONDS=5 LNDG_REFRESH_SECONDS=0 REFILL_BUDGET_PERCENT=0 ENABLE_DAILY_REPORT=false DATA_DIR="$work/data" NODE_PORT=$PORT \
    java $JVM_OPTS -jar "$JAR" >"$work/daemon-$label.log" 2>&1) &
  local daemon=$!
  pids+=($daemon)
  sleep $((MINUTES * 60))
  kill -TERM "$daemon"; wait "$daemon" 2>/dev/null || true
  exec 3<>/dev/tcp/127.0.0.1/"$PORT"
  printf 'GET /bench/stats HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  sed -n '/^runs /,$p' <&3 > "$work/stats-$label"
  exec 3<&-
  kill "$lndg"; wait "$lndg" 2>/dev/null || true
  local runs payments
  runs=$(awk '/^runs /{print $2}' "$work/stats-$label"); payments=$(awk '/^payments /{print $2}' "$work/stats-$label")
  printf '%-12s runs %5d  payments %3d  moved %9d sat  useful %9d sat  runs/payment %6s  %s\n' "$label" "$runs" "$payments" \
    "$(awk '/^moved /{print $2}' "$work/stats-$label")" "$(awk '/^useful /{print $2}' "$work/stats-$label")" \
    "$(awk -v r="$runs" -v p="$payments" 'BEGIN{print p ? sprintf("%.1f", r / p) : "n/a"}')" \
    "$(sed -n 's/^full //p' "$work/stats-$label")"
  # the RAM folder a stopped daemon keeps for its next start (its waits): not for the next mode
  local ram
  ram=$(cat "$work/data/.ramdir" 2>/dev/null || true)
  case "$ram" in regolancer-orchestrator-?*) rm -rf "/dev/shm/$ram" ;; esac
}

echo "node-like stand-in, $MINUTES min each, MAX_WORKERS=2, SLEEP_SECONDS=5, seed $SEED, JVM options: $JVM_OPTS"
one_mode "waiting off" RETRY_WAIT_MINUTES=0
one_mode "waiting on" RETRY_WAIT_MINUTES=1 RETRY_WAIT_MAX_MINUTES=12
off_runs=$(awk '/^runs /{print $2}' "$work/stats-waiting off"); on_runs=$(awk '/^runs /{print $2}' "$work/stats-waiting on")
off_useful=$(awk '/^useful /{print $2}' "$work/stats-waiting off"); on_useful=$(awk '/^useful /{print $2}' "$work/stats-waiting on")
awk -v a="$on_runs" -v b="$off_runs" -v c="$on_useful" -v d="$off_useful" 'BEGIN{
  printf "waiting on: %.0f %% of the runs (goal at most 33 %%), %.0f %% of the useful sats (goal at least 90 %%)\n", a * 100 / b, d ? c * 100 / d : 100 }'
