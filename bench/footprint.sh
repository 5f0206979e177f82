#!/usr/bin/env bash
# Measures the daemon's footprint on this machine and prints the numbers the README quotes:
#   1. dispatch rate: pairs/s with a regolancer that exits at once, against the same stand-in driven by
#      `xargs -P MAX_WORKERS`, as a ratio;
#   2. CPU seconds per 100 cycles, and peak/steady RSS, with the JVM options of systemd/regolancer-orchestrator.service;
#   3. bytes written to disk (/proc/PID/io write_bytes) over cycles without a payment or an error;
#   4. time from start to the first LNDg request;
#   plus CPU used while sleeping between cycles.
# Usage: bench/footprint.sh   (after `mvn -B package -DskipTests`; needs only bash, a JDK and coreutils)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$PWD/target/regolancer-orchestrator.jar
[ -f "$JAR" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }
WORKERS=${WORKERS:-4}
SOURCES=${SOURCES:-12}
TARGETS=${TARGETS:-12}
PORT=${PORT:-18889}
JVM_OPTS=$(bench/jvm-options.sh)
TICK=$(getconf CLK_TCK)

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
cp -r application.properties config.template.json routes "$work"/
cp bench/instant-regolancer "$work"/regolancer

java bench/StandinLndg.java "$PORT" "$SOURCES" "$TARGETS" "$work/lndg-requests.log" &
pids+=($!)
for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null && break; sleep 0.1; done

start_daemon() { # SLEEP_SECONDS, extra env...
  local sleep=$1; shift
  (cd "$work" && exec env -i PATH="$PATH" HOME="$HOME" "$@" LNDG_BASE_URL=http://127.0.0.1:$PORT LNDG_USER=bench \
    LNDG_PASS=bench-pass MAX_WORKERS=$WORKERS SLEEP_SECONDS=$sleep RANDOMIZE_PAIRS=false ENABLE_DAILY_REPORT=false RETRY_WAIT_MINUTES=0 \
    DATA_DIR="$work/data" BENCH_RUNS="${RUNS_FILE:-$work/runs.log}" java $JVM_OPTS -jar "$JAR" >"$work/daemon.log" 2>&1) &
  daemon=$!
  pids+=($daemon)
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
requests() { [ -f "$work/lndg-requests.log" ] && wc -l < "$work/lndg-requests.log" || echo 0; }

# 4. start-up: JVM start to the first LNDg request
: > "$work/lndg-requests.log"
t0=$(date +%s%3N)
start_daemon 0
for _ in $(seq 1 1500); do [ "$(requests)" -ge 1 ] && break; kill -0 "$daemon" 2>/dev/null || { cat "$work/daemon.log" >&2; exit 1; }; sleep 0.02; done
t1=$(head -1 "$work/lndg-requests.log")
echo "start to first LNDg request: $((t1 - t0)) ms"

# 1. dispatch rate once warm (runs counted by the stand-in itself)
pairs=$((SOURCES * TARGETS))
sleep 5
r0=$(wc -l < "$work/runs.log"); s0=$(date +%s%3N); sleep 20; r1=$(wc -l < "$work/runs.log"); s1=$(date +%s%3N)
daemon_rate=$(awk -v n=$((r1 - r0)) -v ms=$((s1 - s0)) 'BEGIN{printf "%.1f", n * 1000 / ms}')
echo '{"from":["1"],"to":["2"],"amount":19532}' > "$work/cfg.json"
: > "$work/xargs-runs.log"
x0=$(date +%s%3N)
seq 1 $((r1 - r0)) | BENCH_RUNS="$work/xargs-runs.log" xargs -P "$WORKERS" -I{} "$work/regolancer" --config "$work/cfg.json" 2>/dev/null || true
x1=$(date +%s%3N)
xargs_rate=$(awk -v n=$((r1 - r0)) -v ms=$((x1 - x0)) 'BEGIN{printf "%.1f", n * 1000 / ms}')
echo "dispatch: daemon $daemon_rate pairs/s, xargs -P $WORKERS $xargs_rate runs/s, ratio $(awk -v a="$daemon_rate" -v b="$xargs_rate" 'BEGIN{printf "%.2f", a / b}') ($pairs pairs a cycle, $WORKERS workers)"

# 2. CPU per 100 cycles and RSS (cycles = LNDg requests: one page each)
c0=$(requests); k0=$(cpu_ticks "$daemon")
until [ "$(requests)" -ge $((c0 + 100)) ]; do sleep 0.2; done
k1=$(cpu_ticks "$daemon")
echo "CPU per 100 cycles of $pairs pairs: $(awk -v t=$((k1 - k0)) -v hz="$TICK" 'BEGIN{printf "%.2f", t / hz}') s"
echo "RSS: steady $(awk '/VmRSS/{print int($2/1024)}' /proc/$daemon/status) MB, peak $(awk '/VmHWM/{print int($2/1024)}' /proc/$daemon/status) MB (JVM options: $JVM_OPTS)"
kill "$daemon"; wait "$daemon" 2>/dev/null || true

# 3: cycles without a payment or an error, at the default 5 s sleep. The stand-in must not count its runs on
# disk here: a process's /proc/PID/io includes the I/O of the children it has reaped.
RUNS_FILE=/dev/null start_daemon 5
until [ "$(requests)" -ge $((c0 + 110)) ]; do sleep 0.2; done
sleep 3
w0=$(awk '/^write_bytes/{print $2}' /proc/$daemon/io); q0=$(requests)
sleep 60
w1=$(awk '/^write_bytes/{print $2}' /proc/$daemon/io); q1=$(requests)
echo "disk writes over $((q1 - q0)) cycles of $pairs pairs without a payment or an error: $((w1 - w0)) bytes"
echo "RSS in normal operation (5 s sleeps): $(awk '/VmRSS/{print int($2/1024)}' /proc/$daemon/status) MB"
kill "$daemon"; wait "$daemon" 2>/dev/null || true

# CPU while sleeping between cycles: one cycle, then 60 s of a 300 s sleep
RUNS_FILE=/dev/null start_daemon 300
q0=$(requests)
until [ "$(requests)" -gt "$q0" ]; do sleep 0.2; done
sleep 10
k0=$(cpu_ticks "$daemon"); sleep 60; k1=$(cpu_ticks "$daemon")
echo "CPU while sleeping between cycles: $(awk -v t=$((k1 - k0)) -v hz="$TICK" 'BEGIN{printf "%.2f", t / hz}') s in 60 s"
