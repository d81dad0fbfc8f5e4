#!/usr/bin/env bash
# The outbox when the SMTP server goes away and comes back (issue 23, figures). Open311 reports at RPS a second, each
# with an e-mail address, for DOWN + 30 seconds; the SMTP server (Postfix's smtp-sink) is stopped 5 s in and started
# again DOWN seconds later. Reports: the intake while mail is down (case work must not notice), the backlog at the
# restart, the longest back-off step any waiting message was on, and how long after the restart the backlog drained.
# The outbox's promise: delivery resumes within one back-off step of the server coming back.
#
# usage: bench/outbox-recovery.sh [DOWN=120] [RPS=100]     (SQLite; Outbox:FirstBackoff 30 s, MaxBackoff 1 h as shipped)
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."

down=${1:-120}
rps=${2:-100}
root=$PWD
dir=$(mktemp -d /tmp/fengqiao-outbox-recovery.XXXX)
port=${OUTBOX_PORT:-5196}
smtp_port=${OUTBOX_SMTP_PORT:-2527}
base=http://127.0.0.1:$port
app="" sink="" load=""
cleanup() {
  set +e
  [ -n "$load" ] && kill "$load" 2>/dev/null
  [ -n "$app" ] && kill -TERM "$app" 2>/dev/null && wait "$app" 2>/dev/null
  [ -n "$sink" ] && kill "$sink" 2>/dev/null
  echo "(logs: $dir)"
}
trap cleanup EXIT

dotnet build src/Fengqiao -c Release -nologo -v:q >"$dir/build.log" 2>&1 || { cat "$dir/build.log"; exit 1; }
dotnet build bench/LoadGen -c Release -nologo -v:q >>"$dir/build.log" 2>&1 || { cat "$dir/build.log"; exit 1; }
cp -r src/Fengqiao/bin/Release/net10.0 "$dir/app-bin"
cp -r bench/LoadGen/bin/Release/net10.0 "$dir/lg-bin"

user=""; [ "$(id -u)" = 0 ] && user="-u nobody"
start_sink() { /usr/sbin/smtp-sink $user -c 127.0.0.1:"$smtp_port" 256 >>"$dir/smtp-sink.log" 2>&1 & sink=$!; }
start_sink

export ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=$base ConnectionStrings__Fengqiao="Data Source=$dir/outbox.db" \
  Open311__PostsPerMinute=100000000 Limits__PerClientPerSecond=1000000 Limits__Concurrency=1000 \
  Privacy__KeyFile="$dir/keys.json" Supervision__Enabled=false Logging__LogLevel__Default=Warning \
  Outbox__Smtp__Host=127.0.0.1 Outbox__Smtp__Port=$smtp_port Outbox__Smtp__Security=None Outbox__PublicBaseUrl=$base
q() { sqlite3 -readonly "$dir/outbox.db" "$1"; }

dotnet "$dir/app-bin/Fengqiao.dll" --contentRoot "$root/src/Fengqiao" >"$dir/app.log" 2>&1 &
app=$!
for _ in $(seq 1 300); do curl -sf -o /dev/null "$base/healthz" && break; sleep 0.5; done

form="api_key=fengqiao-demo-open311&service_code=tip&description=recovery+{n}&lat=43.887&long=125.3076&email=r{n}%40example.com"
seconds=$((down + 30))
echo "== $rps reports/s for $seconds s; the SMTP server stops at 5 s and comes back at $((5 + down)) s"
dotnet "$dir/lg-bin/LoadGen.dll" rate --url "$base/open311/v2/requests.json" --rps "$rps" --seconds "$seconds" --form "$form" \
  --label "Open311 POST while mail is down" >"$dir/load.log" &
load=$!
sleep 5
kill "$sink"; wait "$sink" 2>/dev/null || true; sink=""
sleep "$down"
# The longest wait any message is on: its attempts so far give its back-off step (30 s doubling, capped at 1 h).
attempts=$(q "SELECT COALESCE(MAX(Attempts), 0) FROM OutboxMessages WHERE State = 1")
backlog=$(q "SELECT count(*) FROM OutboxMessages WHERE State = 1")
start_sink
back=$EPOCHREALTIME
until [ "$(q "SELECT count(*) FROM OutboxMessages WHERE State = 1 AND Attempts > 0")" = 0 ]; do sleep 0.5; done
drained=$(awk -v a="$back" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }')
wait "$load"; load=""
step=$(awk -v n="$attempts" 'BEGIN { s = 30 * 2 ^ (n > 0 ? n - 1 : 0); if (s > 3600) s = 3600; printf "%.0f", s * 1.2 }')
grep -E "^   2xx|^   5xx|transport" "$dir/load.log" | sed 's/^/   /'
echo "== at the restart: $backlog waiting, the most tried $attempts times (its next step at most ${step} s with jitter)"
echo "   every message that had failed was delivered ${drained} s after the server came back"
echo "   dead letters: $(q "SELECT count(*) FROM OutboxMessages WHERE State = 3")"
echo "RESULT down=$down backlog=$backlog attempts=$attempts step_max_s=$step drained_s=$drained"
