#!/usr/bin/env bash
# Overload (issue 8, item 3), on loopback with LoadGen's open-loop generator (requests leave on schedule
# whether or not earlier ones were answered). The app runs on core 0 (SQLite, demo data, default Limits
# except the per-client bucket, since all the load comes from one address), LoadGen on core 1.
#   0. warm-up: 20 s at 1,000/s and 10 s at MAX_RATE, so that the JIT has recompiled the hot code of both the
#      answers and the refusals before anything is measured;
#   1. capacity: GET locate-neighbourhood at rising rates, 10 s each; capacity = the highest rate served
#      in full (2xx >= 95 % of offered, no 429, no 5xx, no errors), searched up to MAX_RATE/5 (default
#      7,500/5 = 1,500), because LoadGen on its one core cannot send much more than 8,000/s and 5x must be sent;
#   2. 1x, 3x and 5x capacity for SECONDS each while the app's RSS is sampled; after 5x, a probe times
#      how long until a request is answered 2xx in under 100 ms again;
#   3. brute-force sign-in: 300 wrong passwords for demo.officer at 50/s; the lockout (423) and the
#      sign-in limit (429) must both answer and both be logged;
#   4. the per-client bucket: the app restarted with its default Limits__PerClientPerSecond, one address at 3x it.
# Prints each run's table, a summary table, and the RESULT lines; exits 1 when a hard check fails
# (any 5xx, a 429 without Retry-After, no recovery within 10 s, no lockout or no 429 at sign-in, either not logged).
# Every rate run is preceded by 2 s at its rate that are not counted, and prints its latencies second by second.
# usage: [MAX_RATE=7500] bench/overload.sh [SECONDS=20]
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
seconds=${1:-20}
# LoadGen on one core sends about 8,000 req/s at most; 5x must stay below that, which caps 1x at a fifth of it.
max_capacity=${MAX_RATE:-7500}

root=$PWD
dir=$(mktemp -d /tmp/fengqiao-overload.XXXX)
port=5192
base=http://127.0.0.1:$port
target="$base/api/neighbourhoods/locate-neighbourhood?q=43.887,125.3076"
app_dll=$root/src/Fengqiao/bin/Release/net10.0/Fengqiao.dll
lg_dll=$root/bench/LoadGen/bin/Release/net10.0/LoadGen.dll
results=$dir/results.jsonl
app=""
rss=""
last=""
recovery=""
: >"$results"

cleanup() {
  set +e
  if [ -n "$rss" ]; then kill -TERM "$rss" 2>/dev/null; wait "$rss" 2>/dev/null; fi
  if [ -n "$app" ]; then kill -TERM "$app" 2>/dev/null; wait "$app" 2>/dev/null; fi
  echo "(logs: $dir)"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build() {
  if ! dotnet build "$1" -c Release -nologo -v:q >"$dir/build.log" 2>&1; then
    cat "$dir/build.log" >&2
    exit 1
  fi
}
echo "== building the app and LoadGen (logs in $dir)"
build src/Fengqiao
build bench/LoadGen
# Run copies, so that rebuilding the working tree during a long run does not change the program under test.
cp -r "$root/src/Fengqiao/bin/Release/net10.0" "$dir/app-bin" && app_dll=$dir/app-bin/Fengqiao.dll
cp -r "$root/bench/LoadGen/bin/Release/net10.0" "$dir/lg-bin" && lg_dll=$dir/lg-bin/LoadGen.dll

# Production, as deployed (no developer exception page), with the demo data switched on explicitly.
export ASPNETCORE_ENVIRONMENT=Production Demo__Enabled=true ASPNETCORE_URLS=$base \
  ConnectionStrings__Fengqiao="Data Source=$dir/overload.db" Privacy__KeyFile="$dir/keys.json" \
  Supervision__Enabled=false Logging__LogLevel__Default=Warning

start_app() {
  taskset -c 0 dotnet "$app_dll" --contentRoot "$root/src/Fengqiao" >>"$dir/app.log" 2>&1 &
  app=$!
  local started=$SECONDS
  until curl -sf -o /dev/null --max-time 2 "$base/healthz"; do
    if ! kill -0 "$app" 2>/dev/null || [ "$(cut -d ' ' -f 3 "/proc/$app/stat" 2>/dev/null)" = Z ] || ((SECONDS - started > 180)); then
      echo "The app did not come up; the end of $dir/app.log:" >&2
      tail -n 40 "$dir/app.log" >&2
      exit 1
    fi
    sleep 0.2
  done
}

stop_app() {
  kill -TERM "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  app=""
}

lg() { taskset -c 1 dotnet "$lg_dll" "$@"; }

# Runs LoadGen rate with the given options, shows its table, keeps its RESULT lines; $last = the run's own line.
# Each run first sends 2 s at its rate that are not counted: a fresh LoadGen process's own first second (its code
# not yet compiled for speed, hundreds of connections still to open) otherwise shows as a server stall.
rate() {
  lg rate --warmup-seconds 2 --by-second 1 "$@" | tee "$dir/run.out"
  grep '^RESULT ' "$dir/run.out" | cut -c8- >>"$results"
  last=$(grep '^RESULT ' "$dir/run.out" | head -n 1 | cut -c8-)
}

# A top-level number (or null) of a RESULT line: field NAME JSON.
field() { sed -n "s/.*\"$1\":\([^,}]*\).*/\1/p" <<<"$2" | head -n 1; }

now_ms() { date +%s%3N; }

# Arithmetic on JSON numbers (which may come as 0 or 0.0): calc EXPRESSION with a, b; is_zero NUMBER.
calc() { awk -v a="${2:-0}" -v b="${3:-0}" "BEGIN { x = $1; print x }"; }
is_zero() { awk -v x="${1:-0}" 'BEGIN { exit !(x + 0 == 0) }'; }

# Largest RSS (MB) sampled between two unix-ms instants.
rss_max() { awk -F'\t' -v a="$1" -v b="$2" '$1 >= a && $1 <= b && $2 > m { m = $2 } END { printf "%.1f", m }' "$dir/rss.tsv"; }

echo "== starting the app on core 0 (seeds the demo on first start, up to 180 s)"
export Limits__PerClientPerSecond=1000000
start_app
# The app's hot code is recompiled for speed (tiered JIT) during its first minute of load; on one core each batch
# stalls requests for a few hundred ms. Both paths, answers and refusals, are warmed before anything is measured.
lg rate --url "$target" --rps 1000 --seconds 20 --label warmup >"$dir/warmup.out"
lg rate --url "$target" --rps "$max_capacity" --seconds 10 --label warmup-5x >>"$dir/warmup.out"
sleep 2

echo "== 1. capacity of GET locate-neighbourhood (searched up to $((max_capacity / 5)) req/s, so that 5x stays within what LoadGen can send)"
capacity=0
for r in 250 500 1000 1500 2000 3000 4000 5000 6000 8000; do
  [ "$r" -le $((max_capacity / 5)) ] || break
  rate --url "$target" --rps "$r" --seconds 10 --label "capacity-$r"
  if awk -v a="$(field ok_rps "$last")" -v r="$r" 'BEGIN { exit !(a >= 0.95 * r) }' \
    && is_zero "$(field r429 "$last")" && is_zero "$(field r5xx "$last")" \
    && is_zero "$(field errors "$last")" && is_zero "$(field dropped "$last")"; then
    capacity=$r
  else
    break
  fi
  sleep 2
done
if [ "$capacity" = 0 ]; then
  echo "   capacity is below 250 req/s; using 100 req/s as 1x"
  capacity=100
fi
echo "   capacity: $capacity req/s"

echo "== 2. 1x, 3x and 5x capacity for $seconds s each, RSS sampled every 500 ms"
taskset -c 1 dotnet "$lg_dll" rss --pid "$app" --seconds 100000 --out "$dir/rss.tsv" --label app-rss >"$dir/rss.out" 2>&1 &
rss=$!
sleep 3
t_base=$(now_ms)
declare -A from to
for m in 1 3 5; do
  from[$m]=$(now_ms)
  if [ "$m" = 5 ]; then
    rate --url "$target" --rps $((capacity * m)) --seconds "$seconds" --label "load-${m}x" --probe-url "$target" --probe-seconds 30
    recovery=$(grep '^RESULT ' "$dir/run.out" | sed -n 2p | cut -c8-)
  else
    rate --url "$target" --rps $((capacity * m)) --seconds "$seconds" --label "load-${m}x"
  fi
  to[$m]=$(now_ms)
  sleep 3
done
t_end=$(now_ms)
kill -TERM "$rss" 2>/dev/null || true
wait "$rss" 2>/dev/null || true
rss=""
cat "$dir/rss.out"
grep '^RESULT ' "$dir/rss.out" | cut -c8- >>"$results" || true
rss_before=$(rss_max 0 "$t_base")
rss_after=$(awk -F'\t' 'END { print $2 }' "$dir/rss.tsv")
echo "   RSS: before $rss_before MB; max at 1x $(rss_max "${from[1]}" "${to[1]}") MB, 3x $(rss_max "${from[3]}" "${to[3]}") MB, 5x $(rss_max "${from[5]}" "${to[5]}") MB; after $rss_after MB"
recovered_ms=$(field recovered_after_ms "$recovery")
limiter_logged_load=$(grep -c "Request rejected by the rate limiter" "$dir/app.log" || true)

echo "== 3. brute-force sign-in: 300 wrong passwords for demo.officer at 50/s"
log_mark=$(wc -l <"$dir/app.log")
rate --url "$base/api/account/login" --json '{"userName":"demo.officer","password":"wrong-{n}"}' --rps 50 --seconds 6 --label signin-bruteforce --warmup-seconds 0
sleep 1
signin=$last
s401=$(field 401 "$signin")
s423=$(field 423 "$signin")
s429=$(field 429 "$signin")
s401=${s401:-0} s423=${s423:-0} s429=${s429:-0}
locked_logged=$(tail -n +"$((log_mark + 1))" "$dir/app.log" | grep -c "locked out" || true)
limiter_logged=$(tail -n +"$((log_mark + 1))" "$dir/app.log" | grep -c "Request rejected by the rate limiter" || true)
echo "   answers: 401 x$s401, 423 (locked) x$s423, 429 x$s429; logged: \"locked out\" x$locked_logged, \"Request rejected by the rate limiter\" x$limiter_logged"

echo "== 4. the per-client bucket at its default (100/s, bursts of 200): one address at 300/s for 5 s"
stop_app
unset Limits__PerClientPerSecond
start_app
rate --url "$target" --rps 300 --seconds 5 --label per-client-3x
stop_app

echo
echo "== summary (open loop; latencies in ms; capacity $capacity req/s)"
printf '| %-20s | %8s | %8s | %8s | %8s | %8s | %14s | %8s | %5s | %6s | %7s |\n' \
  run offered "2xx/s" "2xx p50" "2xx p99" "2xx max" "429 (R-A)" "429 p99" 5xx errors dropped
printf '|%s|\n' "----------------------|----------|----------|----------|----------|----------|----------------|----------|-------|--------|---------"
while IFS= read -r line; do
  [ -n "$(field offered_rps "$line")" ] || continue
  printf '| %-20s | %8s | %8s | %8s | %8s | %8s | %14s | %8s | %5s | %6s | %7s |\n' \
    "$(sed -n 's/.*"label":"\([^"]*\)".*/\1/p' <<<"$line")" "$(field offered_rps "$line")" "$(field ok_rps "$line")" \
    "$(field ok_p50_ms "$line")" "$(field ok_p99_ms "$line")" "$(field ok_max_ms "$line")" \
    "$(field r429 "$line") ($(field r429_with_retry_after "$line"))" "$(field r429_p99_ms "$line")" \
    "$(field r5xx "$line")" "$(field errors "$line")" "$(field dropped "$line")"
done <"$results"
echo "recovery after 5x: ${recovered_ms:-null} ms; RSS before $rss_before MB, max under load $(rss_max "$t_base" "$t_end") MB, after $rss_after MB"
echo

# Hard checks.
failed=()
total5xx=0
missing_ra=0
while IFS= read -r line; do
  [ -n "$(field offered_rps "$line")" ] || continue
  total5xx=$(calc "a + b" "$total5xx" "$(field r5xx "$line")")
  missing_ra=$(calc "a + b" "$missing_ra" "$(calc "a - b" "$(field r429 "$line")" "$(field r429_with_retry_after "$line")")")
done <"$results"
is_zero "$total5xx" || failed+=("$total5xx answers were 5xx")
is_zero "$missing_ra" || failed+=("$missing_ra 429 answers had no Retry-After")
if [ -z "$recovered_ms" ] || [ "$recovered_ms" = null ] || ! awk -v r="$recovered_ms" 'BEGIN { exit !(r <= 10000) }'; then
  failed+=("no recovery within 10 s after 5x (recovered_after_ms=${recovered_ms:-null})")
fi
! is_zero "$s423" || failed+=("the brute force never met the lockout (423)")
! is_zero "$s429" || failed+=("the brute force never met the sign-in limit (429)")
[ "$locked_logged" -gt 0 ] || failed+=("the lockout was not logged")
[ "$limiter_logged" -gt 0 ] || failed+=("the sign-in 429s were not logged")

sed 's/^/RESULT /' "$results"
echo "RESULT {\"label\":\"overload-summary\",\"capacity_rps\":$capacity,\"recovered_after_ms\":${recovered_ms:-null},\"rss_before_mb\":$rss_before,\"rss_max_mb\":$(rss_max "$t_base" "$t_end"),\"rss_after_mb\":${rss_after:-null},\"signin_401\":$s401,\"signin_423\":$s423,\"signin_429\":$s429,\"locked_out_logged\":$locked_logged,\"limiter_logged_signin\":$limiter_logged,\"limiter_logged_load\":$limiter_logged_load,\"r5xx\":$total5xx,\"checks_failed\":${#failed[@]}}"
if [ ${#failed[@]} -gt 0 ]; then
  printf 'FAILED: %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "all checks passed"
