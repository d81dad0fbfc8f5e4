#!/usr/bin/env bash
# The outbox through kill -9 (issue 23, figures). LoadGen's crash-writer sends Open311 reports without pause (8
# workers, each acknowledged report fsynced to acked.tsv) while the app is killed with SIGKILL LOOPS times at a random
# moment and started again. Every report subscribes a 12345 webhook (request.received) at bench/receiver.py, which
# checks the signature, honours Idempotency-Key and fsyncs each delivery before it answers.
# Afterwards, with the app started once more until its outbox is empty:
#   lost     = acknowledged reports whose webhook never arrived (must be 0)
#   doubled  = reports that arrived under more than one key, i.e. a second message (must be 0)
#   repeats  = deliveries of a key already received (at-least-once after a kill mid-delivery; the key absorbs them)
#
# usage: bench/outbox-crash.sh [LOOPS=100]    (SQLite; bench/crash-loop.sh covers the same commit on PostgreSQL)
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."

loops=${1:-100}
root=$PWD
dir=$(mktemp -d /tmp/fengqiao-outbox-crash.XXXX)
port=${CRASH_PORT:-5194}
hook_port=${HOOK_PORT:-5195}
base=http://127.0.0.1:$port
secret=bench-12345-secret
acked=$dir/acked.tsv
delivered=$dir/delivered.tsv
dbfile=$dir/crash.db
app="" writer="" receiver=""
cleanup() {
  set +e
  [ -n "$writer" ] && kill -TERM "$writer" 2>/dev/null && wait "$writer" 2>/dev/null
  [ -n "$app" ] && kill -9 "$app" 2>/dev/null && wait "$app" 2>/dev/null
  [ -n "$receiver" ] && kill "$receiver" 2>/dev/null
  echo "(logs: $dir)"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== building the app and LoadGen (logs in $dir)"
dotnet build src/Fengqiao -c Release -nologo -v:q >"$dir/build.log" 2>&1 || { cat "$dir/build.log"; exit 1; }
dotnet build bench/LoadGen -c Release -nologo -v:q >>"$dir/build.log" 2>&1 || { cat "$dir/build.log"; exit 1; }
cp -r src/Fengqiao/bin/Release/net10.0 "$dir/app-bin"
cp -r bench/LoadGen/bin/Release/net10.0 "$dir/lg-bin"

touch "$delivered"
python3 bench/receiver.py "$hook_port" "$secret" "$delivered" 2>"$dir/receiver.log" &
receiver=$!

export ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=$base ConnectionStrings__Fengqiao="Data Source=$dbfile" \
  Open311__PostsPerMinute=100000000 Limits__PerClientPerSecond=1000000 Limits__Concurrency=1000 \
  Privacy__KeyFile="$dir/keys.json" Supervision__Enabled=false Logging__LogLevel__Default=Warning \
  Outbox__Webhooks__0__Name=hotline12345 Outbox__Webhooks__0__Url=http://127.0.0.1:$hook_port/hook \
  Outbox__Webhooks__0__Secret=$secret Outbox__Webhooks__0__Events__0=request.received \
  Outbox__Lease=00:00:05 Outbox__FirstBackoff=00:00:01

start_app() { dotnet "$dir/app-bin/Fengqiao.dll" --contentRoot "$root/src/Fengqiao" >>"$dir/app.log" 2>&1 & app=$!; }
wait_up() {
  for _ in $(seq 1 600); do curl -sf -o /dev/null --max-time 2 "$base/healthz" && return 0; sleep 0.2; done
  tail -n 30 "$dir/app.log" >&2
  return 1
}
pending() { sqlite3 -readonly "$dbfile" "SELECT count(*) FROM OutboxMessages WHERE State = 1" 2>/dev/null || echo '?'; }

echo "== first start (migrations and the demo seed)"
start_app; wait_up; kill -TERM "$app"; wait "$app" || true; app=""

dotnet "$dir/lg-bin/LoadGen.dll" crash-writer --url "$base" --acked "$acked" --workers 8 --api-key fengqiao-demo-open311 >"$dir/writer.log" 2>&1 &
writer=$!
for i in $(seq 1 "$loops"); do
  start_app; wait_up
  ms=$((500 + RANDOM % 2501))
  sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
  kill -9 "$app"; wait "$app" 2>/dev/null || true; app=""
  printf 'loop %d/%d: killed after %d ms; acked %d, delivered %d\n' "$i" "$loops" "$ms" "$(wc -l <"$acked" 2>/dev/null || echo 0)" "$(wc -l <"$delivered")"
done
kill -TERM "$writer"; wait "$writer" || true; writer=""

echo "== final start: the outbox drains what the kills left"
start_app; wait_up
for _ in $(seq 1 600); do [ "$(pending)" = 0 ] && break; sleep 0.5; done
left=$(pending)
kill -TERM "$app"; wait "$app" || true; app=""

awk -F'\t' 'NF == 2 && $2 ~ /^[A-Za-z0-9._-]+$/ { print $2 }' "$acked" | sort -u >"$dir/acked.codes"
cut -f2 "$delivered" | sort -u >"$dir/delivered.codes"
comm -23 "$dir/acked.codes" "$dir/delivered.codes" >"$dir/lost.codes"
cut -f1,2 "$delivered" | sort -u | cut -f2 | uniq -d >"$dir/doubled.codes"
acks=$(wc -l <"$dir/acked.codes")
lost=$(wc -l <"$dir/lost.codes")
doubled=$(wc -l <"$dir/doubled.codes")
repeats=$(grep -c $'\trepeat$' "$delivered" || true)
dead=$(sqlite3 -readonly "$dbfile" "SELECT count(*) FROM OutboxMessages WHERE State = 3")
echo "   acknowledged reports $acks; webhooks received $(wc -l <"$delivered") ($repeats repeats of a key already received)"
echo "   lost $lost, doubled $doubled, still pending $left, dead letters $dead"
[ "$lost" -gt 0 ] && head -n 5 "$dir/lost.codes" | sed 's/^/     lost: /'
echo "RESULT loops=$loops acked=$acks lost=$lost doubled=$doubled repeats=$repeats pending=$left dead=$dead"
[ "$lost" = 0 ] && [ "$doubled" = 0 ] && [ "$left" = 0 ]
