#!/usr/bin/env bash
# The staff app on a phone (issue 24, figures): app-shell size on first load and the open time of a worklist
# from the service worker's cache, with Chromium's CPU throttled x4 and DevTools' slow-3G profile (FieldBench).
# usage: bench/field-phone.sh [RUNS=10]
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."

runs=${1:-10}
root=$PWD
dir=$(mktemp -d /tmp/fengqiao-field.XXXX)
port=${FIELD_PORT:-5194}
base=http://127.0.0.1:$port
app=""
cleanup() {
  set +e
  [ -n "$app" ] && kill -TERM "$app" 2>/dev/null && wait "$app" 2>/dev/null
  echo "(logs: $dir)"
}
trap cleanup EXIT

echo "== building the app and FieldBench (logs in $dir)"
dotnet build src/Fengqiao -c Release -nologo -v:q >"$dir/build.log" 2>&1 || { cat "$dir/build.log"; exit 1; }
dotnet build bench/FieldBench -c Release -nologo -v:q >>"$dir/build.log" 2>&1 || { cat "$dir/build.log"; exit 1; }

export ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=$base Demo__Enabled=true \
  Privacy__KeyFile="$dir/keys.json" Supervision__Enabled=false Logging__LogLevel__Default=Warning \
  Limits__PerClientPerSecond=1000000 ConnectionStrings__Fengqiao="Data Source=$dir/field.db"
dotnet src/Fengqiao/bin/Release/net10.0/Fengqiao.dll --contentRoot "$root/src/Fengqiao" >"$dir/app.log" 2>&1 &
app=$!
echo "== starting (migrations and the demo seed)"
for _ in $(seq 1 300); do curl -sf -o /dev/null "$base/healthz" && break; sleep 0.5; done
curl -sf -o /dev/null "$base/healthz" || { tail -n 30 "$dir/app.log"; exit 1; }

dotnet bench/FieldBench/bin/Release/net10.0/FieldBench.dll "$base" "$runs"
