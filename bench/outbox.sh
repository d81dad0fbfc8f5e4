#!/usr/bin/env bash
# The outbox under load (issue 23, figures). Open311 reports at RPS a second for SECONDS, each with an e-mail address,
# so that each is acknowledged with an e-mail through a real SMTP server (Postfix's smtp-sink, which accepts and
# discards). Reports: the intake's served rate and latency (LoadGen), the outbox backlog when the load stops and how long
# it takes to drain, and the end-to-end delivery time of each acknowledgement (commit of the report to the SMTP server's
# "250 OK": OutboxMessages.CreatedAt to SentAt), p50/p99/max.
#
# usage: bench/outbox.sh sqlite|postgres [RPS=1000] [SECONDS=30] [WARMUP=30]
# PostgreSQL: needs the local cluster scripts/test-services.sh starts; uses the database fengqiao_outbox, made afresh.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."

db=${1:-}
rps=${2:-1000}
seconds=${3:-30}
warmup=${4:-30}
case "$db" in sqlite | postgres) ;; *) echo "usage: $0 sqlite|postgres [RPS] [SECONDS] [WARMUP]" >&2; exit 2 ;; esac

root=$PWD
dir=$(mktemp -d /tmp/fengqiao-outbox.XXXX)
port=${OUTBOX_PORT:-5193}
smtp_port=${OUTBOX_SMTP_PORT:-2526}
base=http://127.0.0.1:$port
app="" sink=""
cleanup() {
  set +e
  [ -n "$app" ] && kill -TERM "$app" 2>/dev/null && wait "$app" 2>/dev/null
  [ -n "$sink" ] && kill "$sink" 2>/dev/null
  echo "(logs: $dir)"
}
trap cleanup EXIT

echo "== building the app and LoadGen (logs in $dir)"
dotnet build src/Fengqiao.Tools -c Release -nologo -v:q >"$dir/build.log" 2>&1 || { cat "$dir/build.log"; exit 1; }
dotnet build bench/LoadGen -c Release -nologo -v:q >>"$dir/build.log" 2>&1 || { cat "$dir/build.log"; exit 1; }
cp -r src/Fengqiao/bin/Release/net10.0 "$dir/app-bin"
cp -r src/Fengqiao.Tools/bin/Release/net10.0 "$dir/tools-bin"
cp -r bench/LoadGen/bin/Release/net10.0 "$dir/lg-bin"

user=""; [ "$(id -u)" = 0 ] && user="-u nobody"
# shellcheck disable=SC2086
/usr/sbin/smtp-sink $user -c 127.0.0.1:$smtp_port 256 >"$dir/smtp-sink.log" 2>&1 &
sink=$!

export ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=$base \
  Open311__PostsPerMinute=100000000 Limits__PerClientPerSecond=1000000 Limits__Concurrency=1000 \
  Privacy__KeyFile="$dir/keys.json" Supervision__Enabled=false Logging__LogLevel__Default=Warning \
  Outbox__Smtp__Host=127.0.0.1 Outbox__Smtp__Port=$smtp_port Outbox__Smtp__Security=None \
  Outbox__PublicBaseUrl=$base

pg() { PGPASSWORD=postgres psql -h localhost -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
if [ "$db" = postgres ]; then
  export Database__Provider=Postgres ConnectionStrings__Fengqiao="Host=localhost;Username=postgres;Password=postgres;Database=fengqiao_outbox"
  pg -d postgres -c "DROP DATABASE IF EXISTS fengqiao_outbox WITH (FORCE)" -c "CREATE DATABASE fengqiao_outbox"
  (cd src/Fengqiao && dotnet "$dir/tools-bin/Fengqiao.Tools.dll" migrate) >"$dir/migrate.log" 2>&1 || { cat "$dir/migrate.log"; exit 1; }
  # Milliseconds from commit to delivery, for the messages made after the warm-up.
  query() { pg -d fengqiao_outbox -c "$1"; }
  latency_sql="SELECT extract(epoch FROM (\"SentAt\" - \"CreatedAt\")) * 1000 FROM \"OutboxMessages\" WHERE \"State\" = 2 AND \"Channel\" = 1 AND \"CreatedAt\" >= to_timestamp(%s)"
  pending_sql='SELECT count(*) FROM "OutboxMessages" WHERE "State" = 1'
else
  export ConnectionStrings__Fengqiao="Data Source=$dir/outbox.db"
  query() { sqlite3 -readonly "$dir/outbox.db" "$1"; }
  # DateTimeOffsetToBinaryConverter: (ticks / 1000) << 11 | offset; so (a >> 11) - (b >> 11) is in tenths of a millisecond.
  latency_sql="SELECT ((SentAt >> 11) - (CreatedAt >> 11)) / 10.0 FROM OutboxMessages WHERE State = 2 AND Channel = 1 AND (CreatedAt >> 11) >= (%s * 10000000 + 621355968000000000) / 1000"
  pending_sql='SELECT count(*) FROM OutboxMessages WHERE State = 1'
fi

dotnet "$dir/app-bin/Fengqiao.dll" --contentRoot "$root/src/Fengqiao" >"$dir/app.log" 2>&1 &
app=$!
echo "== $db: starting (migrations and the demo seed)"
for _ in $(seq 1 300); do curl -sf -o /dev/null "$base/healthz" && break; sleep 0.5; done
curl -sf -o /dev/null "$base/healthz" || { tail -n 30 "$dir/app.log"; exit 1; }

form="api_key=fengqiao-demo-open311&service_code=tip&description=outbox+bench+{n}&lat=43.887&long=125.3076&email=resident{n}%40example.com"
if [ "$warmup" -gt 0 ]; then
  echo "== warm-up: $warmup s at $rps/s (not counted)"
  dotnet "$dir/lg-bin/LoadGen.dll" rate --url "$base/open311/v2/requests.json" --rps "$rps" --seconds "$warmup" --form "$form" --label warmup >"$dir/warmup.log"
  for _ in $(seq 1 600); do [ "$(query "$pending_sql")" = 0 ] && break; sleep 0.5; done
fi

t0=$(date +%s)
echo "== $seconds s at $rps/s, an e-mail acknowledgement per report"
dotnet "$dir/lg-bin/LoadGen.dll" rate --url "$base/open311/v2/requests.json" --rps "$rps" --seconds "$seconds" --form "$form" \
  --label "Open311 POST with e-mail" --by-second 1 | tee "$dir/load.log"
stopped=$EPOCHREALTIME
backlog=$(query "$pending_sql")
until [ "$(query "$pending_sql")" = 0 ]; do
  if (( ${EPOCHREALTIME%.*} - ${stopped%.*} > 600 )); then echo "the backlog did not drain in 600 s" >&2; break; fi
  sleep 0.2
done
drained=$(awk -v a="$stopped" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
# shellcheck disable=SC2059
query "$(printf "$latency_sql" "$t0")" | sort -n >"$dir/latency.txt"
n=$(wc -l <"$dir/latency.txt")
pick() { awk -v q="$1" -v n="$n" 'NR == (int(n * q) > 0 ? int(n * q) : 1) { printf "%.0f", $1 }' "$dir/latency.txt"; }
echo "== outbox: backlog $backlog when the load stopped, drained in $drained s"
echo "   delivered $n acknowledgements; commit to SMTP 250: p50 $(pick 0.5) ms, p99 $(pick 0.99) ms, max $(tail -n 1 "$dir/latency.txt" | cut -d. -f1) ms"
echo "   dead letters: $(query "$(echo "$pending_sql" | sed 's/= 1/= 3/')")"
