#!/usr/bin/env bash
# How fast the daemon hands pairs to regolancer, and how soon it starts working:
#   1. dispatch rate: pairs/s with a regolancer that exits at once (12 sources × 12 targets = 144 pairs a cycle,
#      MAX_WORKERS=4, no sleep, every pair run every cycle), against the same stand-in driven by
#      `xargs -P MAX_WORKERS`, as a ratio (1.0: the daemon costs the runs nothing);
#   2. start to the first LNDg request.
# The packaged jar through its launcher, with the JVM options it ships with. bench/footprint.sh measures CPU, memory
# and threads. Usage: bench/dispatch.sh   (after `mvn -B package -DskipTests`; bash, a JDK, coreutils)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/regolancer-orchestrator.jar ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }
WORKERS=${WORKERS:-4}
SOURCES=${SOURCES:-12}
TARGETS=${TARGETS:-12}
PORT=${PORT:-18889}

work=$(mktemp -d)
ram=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work" "$ram"; }
trap cleanup EXIT
cp bench/instant-regolancer "$work"/regolancer

java -cp target/regolancer-orchestrator.jar bench/StandinLndg.java "$PORT" "$SOURCES" "$TARGETS" "$work/lndg-requests.log" &
pids+=($!)
for _ in $(seq 1 300); do (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null && break; sleep 0.1; done
requests() { [ -f "$work/lndg-requests.log" ] && wc -l < "$work/lndg-requests.log" || echo 0; }

: > "$work/lndg-requests.log"; : > "$ram/runs"
t0=$(date +%s%3N)
(exec env -i PATH="$PATH" HOME="$HOME" LNDG_BASE_URL=http://127.0.0.1:$PORT LNDG_USER=bench LNDG_PASS=bench-pass \
  MAX_WORKERS=$WORKERS SLEEP_SECONDS=0 RETRY_WAIT_MINUTES=0 RANDOMIZE_PAIRS=false ENABLE_DAILY_REPORT=false \
  JMX_PORT=0 MANAGEMENT_PORT=0 DATA_DIR="$work/data" REGOLANCER_BIN="$work/regolancer" \
  CONFIG_TEMPLATE="$PWD/config.template.json" BENCH_RUNS="$ram/runs" bin/regolancer-orchestrator >"$work/daemon.log" 2>&1) &
daemon=$!
pids+=($daemon)
for _ in $(seq 1 1500); do [ "$(requests)" -ge 1 ] && break; kill -0 "$daemon" 2>/dev/null || { cat "$work/daemon.log" >&2; exit 1; }; sleep 0.02; done
echo "start to first LNDg request: $(( $(head -1 "$work/lndg-requests.log") - t0 )) ms"

sleep 20 # warm
r0=$(wc -l < "$ram/runs"); s0=$(date +%s%3N); sleep 20; r1=$(wc -l < "$ram/runs"); s1=$(date +%s%3N)
n=$((r1 - r0))
daemon_rate=$(awk -v n=$n -v ms=$((s1 - s0)) 'BEGIN{printf "%.1f", n * 1000 / ms}')
echo '{"from":["1"],"to":["2"],"amount":19532}' > "$work/cfg.json"
: > "$ram/xargs-runs"
x0=$(date +%s%3N)
seq 1 "$n" | BENCH_RUNS="$ram/xargs-runs" xargs -P "$WORKERS" -I{} "$work/regolancer" --config "$work/cfg.json" 2>/dev/null || true
x1=$(date +%s%3N)
xargs_rate=$(awk -v n=$n -v ms=$((x1 - x0)) 'BEGIN{printf "%.1f", n * 1000 / ms}')
echo "dispatch: daemon $daemon_rate pairs/s, xargs -P $WORKERS $xargs_rate runs/s, ratio $(awk -v a="$daemon_rate" -v b="$xargs_rate" 'BEGIN{printf "%.2f", a / b}') ($((SOURCES * TARGETS)) pairs a cycle, $WORKERS workers)"
