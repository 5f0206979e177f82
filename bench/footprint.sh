#!/usr/bin/env bash
# The daemon's footprint, measured as the footprint issue asks: the packaged jar with the JVM options it ships with
# (bench/jvm-options.sh), against the bench's stand-in LNDg and stand-in regolancers, MAX_WORKERS=2, every pair run
# every cycle (RETRY_WAIT_MINUTES=0, as the Python original did), no refill budget (REFILL_BUDGET_PERCENT=0), Telegram, the daily report, JMX_PORT and
# MANAGEMENT_PORT off; figures of the daemon process itself (children excluded), taken after WARMUP seconds and over
# MEASURE seconds (/proc counts CPU in 10 ms ticks), threads and RSS read from /proc (no tool attaches to the JVM).
#   busy:   13 channels, 11 pairs, every run fails at once, SLEEP_SECONDS=1 -> CPU per regolancer run
#   normal: 13 channels, 11 pairs, runs take 2 s and fail, SLEEP_SECONDS=5  -> CPU per minute, disk writes
#   idle:   13 channels, a balanced node (no pairs), SLEEP_SECONDS=5       -> CPU per minute, threads
#   report: idle, with Telegram (a stand-in) and a daily report built 10 s after start (a missed day caught up)
#           -> RSS and threads after it
# Every scenario of this build and, when BASELINE is a build folder (a checkout where `mvn package` ran), of that
# build runs at the same time, each daemon with its own options: all are measured in one run, under the same load
# (together they use a few % of one core).
# Usage: bench/footprint.sh   (after `mvn -B package -DskipTests`; bash, a JDK, coreutils)
#        WARMUP=600 MEASURE=600 BASELINE=/path/to/old/checkout SCENARIOS="busy normal idle report" bench/footprint.sh
# The defaults (10 min warm-up, 10 min measured) take about 21 minutes; WARMUP=30 MEASURE=30 for a smoke run.
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP=${WARMUP:-600}
MEASURE=${MEASURE:-600}
SCENARIOS=${SCENARIOS:-busy normal idle report}
PORT=${PORT:-18892}
TICK=$(getconf CLK_TCK)
builds=("$PWD")
[ -n "${BASELINE:-}" ] && builds+=("$(cd "$BASELINE" && pwd)")
for b in "${builds[@]}"; do
  [ -f "$b/target/regolancer-orchestrator.jar" ] || { echo "build first: mvn -B package -DskipTests in $b" >&2; exit 1; }
done

work=$(mktemp -d)
# the stand-in regolancers count their runs in RAM: the kernel adds a reaped child's disk writes to its parent's
# /proc/PID/io, so a count on disk would show up as the daemon's writes
ram=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work" "$ram"; }
trap cleanup EXIT

start_server() { # port, java file, args... (the stand-ins take LNDg's login from this build's jar)
  local port=$1; shift
  java -cp target/regolancer-orchestrator.jar "$@" &
  pids+=($!)
  for _ in $(seq 1 300); do (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && return 0; sleep 0.1; done
  echo "the stand-in on port $port did not start" >&2; exit 1
}
start_server "$PORT" bench/StandinLndg.java "$PORT" 11 1 "$work/requests-pairs.log" 1
start_server $((PORT + 1)) bench/StandinLndg.java $((PORT + 1)) 0 0 "$work/requests-balanced.log" 13
start_server $((PORT + 2)) bench/StandinTelegram.java $((PORT + 2))

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_mb() { awk '/VmRSS/{printf "%.1f", $2 / 1024}' "/proc/$1/status"; }
threads() { awk '/Threads/{print $2}' "/proc/$1/status"; }
written() { awk '/^write_bytes/{print $2}' "/proc/$1/io"; }

start_daemon() { # build dir, scenario, label
  local build=$1 scenario=$2 label=$3 dir="$work/$3" lndg=$PORT sleep=5 regolancer=bench/slow-regolancer extra=()
  mkdir -p "$dir"
  cp -r "$build/application.properties" "$build/config.template.json" "$build/routes" "$dir"/
  case $scenario in
    busy) sleep=1; regolancer=bench/instant-regolancer ;;
    idle) lndg=$((PORT + 1)) ;;
    report) lndg=$((PORT + 1))
      # yesterday's report was sent and today's time (00:00:30 UTC) has passed: today's is caught up 10 s after
      # the start (its classes stay loaded for the rest of the run)
      mkdir -p "$dir/data"; date -u -d yesterday +%F > "$dir/data/daily-report.sent"
      extra=(TELEGRAM_TOKEN=123456789:bench-token-not-secret-at-all TELEGRAM_CHAT_ID=-1001 TELEGRAM_API_URL=http://127.0.0.1:$((PORT + 2))
             ENABLE_DAILY_REPORT=true SEND_REBALANCE_MSG=false REPORT_TIMEZONE=UTC "REPORT_CRON=30 0 0 * * ?") ;;
  esac
  cp "$regolancer" "$dir/regolancer"
  : > "$ram/$label.runs"
  # a build with a launcher is started through it, exactly as shipped; an older one with its unit's options and env
  local command=(java $(bench/jvm-options.sh "$build") -jar "$build/target/regolancer-orchestrator.jar") env=(MALLOC_ARENA_MAX=2)
  [ -x "$build/bin/regolancer-orchestrator" ] && { command=("$build/bin/regolancer-orchestrator"); env=(); }
  (cd "$dir" && exec env -i PATH="$PATH" HOME="$HOME" "${env[@]}" LNDG_BASE_URL=http://127.0.0.1:$lndg LNDG_USER=bench \
    LNDG_PASS=bench-pass MAX_WORKERS=2 SLEEP_SECONDS=$sleep RETRY_WAIT_MINUTES=0 REFILL_BUDGET_PERCENT=0 ENABLE_DAILY_REPORT=false TELEGRAM_TOKEN= \
    TELEGRAM_CHAT_ID= JMX_PORT=0 MANAGEMENT_PORT=0 DATA_DIR="$dir/data" REGOLANCER_BIN="$dir/regolancer" \
    CONFIG_TEMPLATE="$dir/config.template.json" BENCH_RUNS="$ram/$label.runs" "${extra[@]}" "${command[@]}" >"$dir/daemon.log" 2>&1) &
  echo $!
}

printf 'footprint: warm-up %s s, measured over %s s; MAX_WORKERS=2, RETRY_WAIT_MINUTES=0; Telegram off, report off, JMX_PORT=0, MANAGEMENT_PORT=0 (but in "report": Telegram stand-in and one daily report)\n' "$WARMUP" "$MEASURE"
for b in "${builds[@]}"; do printf '  build %s (%s): %s\n' "$b" "$(git -C "$b" log --oneline -1 2>/dev/null | cut -c1-60)" "$(bench/jvm-options.sh "$b")"; done
daemons=(); labels=(); failed=0; report_day=$(date -u +%F)
for scenario in $SCENARIOS; do
  for i in "${!builds[@]}"; do
    label="$scenario-$i"
    daemons+=("$(start_daemon "${builds[$i]}" "$scenario" "$label")"); labels+=("$label")
    pids+=("${daemons[-1]}")
  done
done
sleep "$WARMUP"
declare -A k0 r0 w0 tmin tmax
for i in "${!daemons[@]}"; do
  d=${daemons[$i]}
  kill -0 "$d" 2>/dev/null || { echo "daemon ${labels[$i]} stopped:"; tail -5 "$work/${labels[$i]}/daemon.log"; exit 1; }
  k0[$i]=$(cpu_ticks "$d"); r0[$i]=$(wc -l < "$ram/${labels[$i]}.runs"); w0[$i]=$(written "$d")
  tmin[$i]=99999; tmax[$i]=0
done
end=$(( $(date +%s) + MEASURE ))
while [ "$(date +%s)" -lt "$end" ]; do
  for i in "${!daemons[@]}"; do
    t=$(threads "${daemons[$i]}")
    [ "$t" -lt "${tmin[$i]}" ] && tmin[$i]=$t; [ "$t" -gt "${tmax[$i]}" ] && tmax[$i]=$t
  done
  sleep 1
done
for i in "${!daemons[@]}"; do
  d=${daemons[$i]} label=${labels[$i]}
  ticks=$(( $(cpu_ticks "$d") - k0[$i] )); runs=$(( $(wc -l < "$ram/$label.runs") - r0[$i] ))
  cpu=$(awk -v t="$ticks" -v hz="$TICK" 'BEGIN{printf "%.3f", t / hz}')
  line=$(printf '%-7s build %s: CPU %7s s in %d s (%s s/min)' "${label%-*}" "${label##*-}" "$cpu" "$MEASURE" \
    "$(awk -v c="$cpu" -v m="$MEASURE" 'BEGIN{printf "%.3f", c * 60 / m}')")
  [ "$runs" -gt 0 ] && line+=$(awk -v c="$cpu" -v n="$runs" 'BEGIN{printf ", %d runs, %.2f ms per run", n, c * 1000 / n}')
  line+=", RSS $(rss_mb "$d") MB (peak $(awk '/VmHWM/{printf "%.1f", $2 / 1024}' "/proc/$d/status")), threads ${tmin[$i]}–${tmax[$i]}"
  case ${label%-*} in
    normal) line+=", disk writes $(( $(written "$d") - w0[$i] )) bytes" ;;
    report) if grep -q "$report_day" "$work/$label/data/daily-report.sent" 2>/dev/null; then line+=", report sent: yes"
            else line+=", report sent: NO"; failed=1; fi ;;
  esac
  echo "$line"
done
# a daemon that stopped or a report that did not go out fails the bench (CI runs it as a smoke run)
exit "$failed"
