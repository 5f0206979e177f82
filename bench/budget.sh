#!/usr/bin/env bash
# Measures what the refill budget saves on a node whose targets differ in what they earn: the packaged daemon runs
# MINUTES (10) minutes with the budget off (REFILL_BUDGET_PERCENT=0) and MINUTES with it on (REFILL_BUDGET_PERCENT=100,
# REFILL_ALLOWANCE_SAT=100), each against a fresh bench/BudgetLndg.java: 4 targets whose refills always succeed at
# 300 ppm; T1 and T2 forward 1,500 sat a second out at 500 ppm, T3 and T4 never forward. Time is compressed: a "day"
# of BOOKS_DAYS is a minute (books.day-ms=60000), and the books read LNDg's new forwards every 1/144 of it (as 10
# minutes are of a day). FEE_POLICY=lndg, AMOUNT_INCREASE_PERCENT=0 (every run 19,532 sat), MAX_WORKERS=2,
# SLEEP_SECONDS=5, LNDG_REFRESH_SECONDS=0, RETRY_WAIT_MINUTES=1.
# Prints per target: refills, fees paid, fees earned, useful sats (into a target only up to what it needed to fall
# below its ar_in_target); and the node's fees paid ÷ earned. Goals: with the budget on, T3 and T4 get no more than
# the allowance plus one run's fee (100 + 5.86 sat), T1 and T2 at least 90 % of the useful sats they got with it off,
# and paid ÷ earned falls.
# Usage: bench/budget.sh   (after `mvn -B package -DskipTests`; bash, a JDK, coreutils). MINUTES=1 for a smoke run.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$PWD/target/regolancer-orchestrator.jar
[ -f "$JAR" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }
MINUTES=${MINUTES:-10}
PORT=${PORT:-18895}
JVM_OPTS=$(bench/jvm-options.sh)

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
cp -r application.properties config.template.json routes "$work"/
printf '\n# bench/budget.sh: a day of BOOKS_DAYS is a minute, the books read what is new every 1/144 of it\nbooks.day-ms=60000\nbooks.refresh-ms=416\nbooks.retry-ms=416\n' \
  >> "$work/application.properties"
cp bench/budget-regolancer "$work"/regolancer

one_mode() { # label, extra env...
  local label=$1; shift
  java -cp "$JAR" bench/BudgetLndg.java "$PORT" &
  local lndg=$!
  pids+=($lndg)
  for _ in $(seq 1 200); do (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null && break; sleep 0.1; done
  rm -rf "$work/data"
  (cd "$work" && exec env -i PATH="$PATH" HOME="$HOME" "$@" LNDG_BASE_URL=http://127.0.0.1:$PORT LNDG_USER=bench \
    LNDG_PASS=bench-pass MAX_WORKERS=2 SLEEP_SECONDS=5 LNDG_REFRESH_SECONDS=0 RETRY_WAIT_MINUTES=1 AMOUNT_INCREASE_PERCENT=0 \
    ENABLE_DAILY_REPORT=false DATA_DIR="$work/data" NODE_PORT=$PORT java $JVM_OPTS -jar "$JAR" >"$work/daemon-$label.log" 2>&1) &
  local daemon=$!
  pids+=($daemon)
  sleep $((MINUTES * 60))
  kill -TERM "$daemon"; wait "$daemon" 2>/dev/null || true
  exec 3<>/dev/tcp/127.0.0.1/"$PORT"
  printf 'GET /bench/stats HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  sed -n '/^T[0-9] /,$p' <&3 > "$work/stats-$label"
  exec 3<&-
  kill "$lndg"; wait "$lndg" 2>/dev/null || true
  echo "$label:"
  awk '{ printf "  %s (%-8s) refills %4d  fees paid %8.3f sat  earned %9.3f sat  useful %9d sat\n", $1, $2, $4, $8 / 1000, $14 / 1000, $10 }' \
    "$work/stats-$label"
  awk '{ p += $8; e += $14 } END { printf "  node: fees paid %.3f sat, earned %.3f sat, paid ÷ earned %.3f\n", p / 1000, e / 1000, e ? p / e : 0 }' \
    "$work/stats-$label"
  local ram
  ram=$(cat "$work/data/.ramdir" 2>/dev/null || true)
  case "$ram" in regolancer-orchestrator-?*) rm -rf "/dev/shm/$ram" ;; esac
}

echo "budget bench: $MINUTES min each, MAX_WORKERS=2, SLEEP_SECONDS=5, a day = a minute, JVM options: $JVM_OPTS"
one_mode "budget off" REFILL_BUDGET_PERCENT=0
one_mode "budget on" REFILL_BUDGET_PERCENT=100 REFILL_ALLOWANCE_SAT=100
awk 'FNR == 1 { f++ } { paid[f, $1] = $8; useful[f, $1] = $10; earned[f] += $14; total[f] += $8 } END {
  never = paid[2, "T3"] > paid[2, "T4"] ? paid[2, "T3"] : paid[2, "T4"]
  u_off = useful[1, "T1"] + useful[1, "T2"]; u_on = useful[2, "T1"] + useful[2, "T2"]
  printf "budget on: never-forwarding targets paid at most %.3f sat (goal at most 105.860); forwarding targets got %.0f %% of the useful sats (goal at least 90 %%); paid ÷ earned %.3f against %.3f (goal: falls)\n",
    never / 1000, u_off ? u_on * 100 / u_off : 100, earned[2] ? total[2] / earned[2] : 0, earned[1] ? total[1] / earned[1] : 0 }' \
  "$work/stats-budget off" "$work/stats-budget on"
