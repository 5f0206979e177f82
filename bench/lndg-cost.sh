#!/usr/bin/env bash
# What the daemon costs LNDg: requests per minute by kind, and how many of them made LNDg hash the password (a
# request with Basic auth, and each login form posted: PBKDF2, 0.14 s of LNDg's CPU on Debian's Django 3.2 up to
# about 0.5 s on Django 5/6, several times that on a Raspberry Pi), with the daemon's own CPU per minute beside them.
# Each daemon gets its own bench/StandinLndg.java (LNDg's login, sessions and Basic auth, counted), the packaged jar
# started through its launcher (or, for an older build without one, with its unit's JVM options):
#   idle: a balanced node (13 channels, no pair), SLEEP_SECONDS=5
#   busy: 13 channels, 11 pairs, every run fails at once, SLEEP_SECONDS=5, MAX_WORKERS=2, RETRY_WAIT_MINUTES=0 (every
#         pair runs every cycle: a cycle ends within a second and the next one fetches again)
# With BASELINE=DIR (a checkout where `mvn package` ran) that build runs the same scenarios at the same time.
# Figures are taken after WARMUP seconds, over MEASURE seconds.
# With REAL_LNDG=URL (a real LNDg, e.g. `manage.py runserver`, filled with the scenario's channels: see
# docs/benchmarks.md), REAL_LNDG_PID (its process), REAL_LNDG_LOG (its request log, stderr of runserver), REAL_LNDG_USER and
# REAL_LNDG_PASS, each build runs alone against it, one after the other, and LNDg's own CPU per minute is measured
# (/proc/PID/stat), with its requests per minute by kind read from its log. SCENARIOS names what LNDg holds.
# Usage: bench/lndg-cost.sh   (after `mvn -B package -DskipTests`; bash, a JDK, coreutils)
#        WARMUP=60 MEASURE=300 BASELINE=/path/to/old/checkout bench/lndg-cost.sh   (the defaults: about 6 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP=${WARMUP:-60}
MEASURE=${MEASURE:-300}
SCENARIOS=${SCENARIOS:-idle busy}
PORT=${PORT:-18920}
TICK=$(getconf CLK_TCK)
JAR=$PWD/target/regolancer-orchestrator.jar
builds=("$PWD")
[ -n "${BASELINE:-}" ] && builds+=("$(cd "$BASELINE" && pwd)")
for b in "${builds[@]}"; do
  [ -f "$b/target/regolancer-orchestrator.jar" ] || { echo "build first: mvn -B package -DskipTests in $b" >&2; exit 1; }
done

work=$(mktemp -d)
# every process started, one pid per line (start_daemon runs in a command substitution: a shell array would not see it)
cleanup() { [ -f "$work/pids" ] && while read -r p; do kill "$p" 2>/dev/null || true; done < "$work/pids"; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

counts() { # port -> "channels=N settings=N reports=N basic=N session=N loginPosts=N logins=N"
  exec 3<>/dev/tcp/127.0.0.1/"$1"
  printf 'GET /bench/counts HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  tail -1 <&3
  exec 3>&-
}
field() { sed -n "s/.*\b$2=\([0-9]*\).*/\1/p" <<< "$1"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

start_daemon() { # build, scenario, label, port (0: the real LNDg)
  local build=$1 scenario=$2 label=$3 port=$4 dir="$work/$3" sources=0 targets=0 neutral=13
  local url=http://127.0.0.1:$port user=bench pass=bench-pass
  [ "$scenario" = busy ] && { sources=11; targets=1; neutral=1; }
  mkdir -p "$dir"
  if [ "$port" = 0 ]; then
    url=$REAL_LNDG user=$REAL_LNDG_USER pass=$REAL_LNDG_PASS
  else
    java -cp "$JAR" bench/StandinLndg.java "$port" "$sources" "$targets" "$dir/requests.log" "$neutral" \
      >"$dir/lndg.log" 2>&1 &
    echo $! >> "$work/pids"
    for _ in $(seq 1 300); do (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break; sleep 0.1; done
  fi
  cp -r "$build/application.properties" "$build/config.template.json" "$build/routes" "$dir"/
  cp bench/instant-regolancer "$dir/regolancer"
  local command=(java $(bench/jvm-options.sh "$build") -jar "$build/target/regolancer-orchestrator.jar") env=(MALLOC_ARENA_MAX=2)
  [ -x "$build/bin/regolancer-orchestrator" ] && { command=("$build/bin/regolancer-orchestrator"); env=(); }
  (cd "$dir" && exec env -i PATH="$PATH" HOME="$HOME" "${env[@]}" LNDG_BASE_URL="$url" LNDG_USER="$user" \
    LNDG_PASS="$pass" MAX_WORKERS=2 SLEEP_SECONDS=5 RETRY_WAIT_MINUTES=0 ENABLE_DAILY_REPORT=false TELEGRAM_TOKEN= \
    TELEGRAM_CHAT_ID= JMX_PORT=0 MANAGEMENT_PORT=0 DATA_DIR="$dir/data" REGOLANCER_BIN="$dir/regolancer" \
    CONFIG_TEMPLATE="$dir/config.template.json" BENCH_RUNS=/dev/null "${command[@]}" >"$dir/daemon.log" 2>&1) &
  echo $! >> "$work/pids"
  echo $!
}

printf 'LNDg cost: warm-up %s s, measured over %s s; SLEEP_SECONDS=5, MAX_WORKERS=2, RETRY_WAIT_MINUTES=0, defaults otherwise\n' \
  "$WARMUP" "$MEASURE"
for b in "${builds[@]}"; do printf '  build %s (%s)\n' "$b" "$(git -C "$b" log --oneline -1 2>/dev/null | cut -c1-60)"; done

if [ -n "${REAL_LNDG:-}" ]; then
  # one build at a time against the real LNDg: its CPU is what that build costs it
  log_count() { grep -c "$1" "$REAL_LNDG_LOG" 2>/dev/null || true; }
  for scenario in $SCENARIOS; do
    for i in "${!builds[@]}"; do
      d=$(start_daemon "${builds[$i]}" "$scenario" "real-$scenario-$i" 0)
      sleep "$WARMUP"
      kill -0 "$d" 2>/dev/null || { echo "daemon stopped:"; tail -5 "$work/real-$scenario-$i/daemon.log"; exit 1; }
      k=$(cpu_ticks "$REAL_LNDG_PID"); ch=$(log_count '"GET /api/channels/'); st=$(log_count '"GET /api/settings/')
      lp=$(log_count '"POST /lndg-admin/login/'); un=$(log_count '" 401 ')
      sleep "$MEASURE"
      kill -TERM "$d"; wait "$d" 2>/dev/null || true
      per_min() { awk -v a="$1" -v b="$2" -v m="$MEASURE" 'BEGIN{printf "%.1f", (a - b) * 60 / m}'; }
      printf 'real LNDg, %-5s build %s: LNDg CPU %s s/min; per minute %s channel fetches, %s settings reads, %s login posts, %s answered 401\n' \
        "$scenario" "$i" "$(awk -v t="$(( $(cpu_ticks "$REAL_LNDG_PID") - k ))" -v hz="$TICK" -v m="$MEASURE" 'BEGIN{printf "%.3f", t / hz * 60 / m}')" \
        "$(per_min "$(log_count '"GET /api/channels/')" "$ch")" "$(per_min "$(log_count '"GET /api/settings/')" "$st")" \
        "$(per_min "$(log_count '"POST /lndg-admin/login/')" "$lp")" "$(per_min "$(log_count '" 401 ')" "$un")"
    done
  done
  exit 0
fi

daemons=(); labels=(); ports=(); n=0
for scenario in $SCENARIOS; do
  for i in "${!builds[@]}"; do
    port=$((PORT + n)); n=$((n + 1))
    daemons+=("$(start_daemon "${builds[$i]}" "$scenario" "$scenario-$i" "$port")"); labels+=("$scenario-$i"); ports+=("$port")
  done
done
sleep "$WARMUP"
declare -A c0 k0
for i in "${!daemons[@]}"; do
  kill -0 "${daemons[$i]}" 2>/dev/null || { echo "daemon ${labels[$i]} stopped:"; tail -5 "$work/${labels[$i]}/daemon.log"; exit 1; }
  c0[$i]=$(counts "${ports[$i]}"); k0[$i]=$(cpu_ticks "${daemons[$i]}")
done
sleep "$MEASURE"
failed=0
for i in "${!daemons[@]}"; do
  d=${daemons[$i]} label=${labels[$i]}
  kill -0 "$d" 2>/dev/null || { echo "daemon $label stopped"; failed=1; continue; }
  now=$(counts "${ports[$i]}")
  per_min() { awk -v a="$(field "$now" "$1")" -v b="$(field "${c0[$i]}" "$1")" -v m="$MEASURE" 'BEGIN{printf "%.1f", (a - b) * 60 / m}'; }
  hashes=$(awk -v a="$(field "$now" basic)" -v b="$(field "${c0[$i]}" basic)" -v p="$(field "$now" loginPosts)" \
    -v q="$(field "${c0[$i]}" loginPosts)" -v m="$MEASURE" 'BEGIN{printf "%.1f", (a - b + p - q) * 60 / m}')
  cpu=$(awk -v t="$(( $(cpu_ticks "$d") - k0[$i] ))" -v hz="$TICK" -v m="$MEASURE" 'BEGIN{printf "%.3f", t / hz * 60 / m}')
  printf '%-5s build %s: per minute %5s channel fetches, %4s settings reads, %4s report reads, %5s password hashes (Basic %s, logins %s); logins since start %s; daemon CPU %s s/min\n' \
    "${label%-*}" "${label##*-}" "$(per_min channels)" "$(per_min settings)" "$(per_min reports)" "$hashes" \
    "$(per_min basic)" "$(per_min loginPosts)" "$(field "$now" logins)" "$cpu"
done
exit "$failed"
