#!/usr/bin/env bash
# Sustained rate of Open311 POSTs and of locate-neighbourhood on the demo data, on loopback.
# The app runs on core 0 and wrk on core 1 so the figures are comparable between runs.
# Usage: bench/resident-channels.sh [seconds]   (needs wrk: apt-get install -y wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
dir=$(mktemp -d)
dotnet build src/Fengqiao -c Release -nologo -v:q >/dev/null
export ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=http://127.0.0.1:5090 \
  ConnectionStrings__Fengqiao="Data Source=$dir/bench.db" Open311__PostsPerMinute=100000000 Supervision__Enabled=false \
  Logging__LogLevel__Default=Warning
taskset -c 0 dotnet src/Fengqiao/bin/Release/net10.0/Fengqiao.dll --contentRoot "$PWD/src/Fengqiao" > "$dir/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 1 180); do curl -sf http://127.0.0.1:5090/healthz >/dev/null && break; sleep 1; done
curl -sf -o /dev/null -X POST --data "api_key=fengqiao-demo-open311&service_code=tip&description=warm&lat=43.887&long=125.3076" http://127.0.0.1:5090/open311/v2/requests.json
echo "== Open311 POST /open311/v2/requests.json (SQLite, WAL, synchronous=FULL) =="
taskset -c 1 wrk -t1 -c8 -d"${seconds}s" --latency -s bench/open311-post.lua http://127.0.0.1:5090/open311/v2/requests.json | grep -E "Requests/sec|Latency|50%|99%|Non-2xx"
echo "== GET /api/neighbourhoods/locate-neighbourhood =="
taskset -c 1 wrk -t1 -c16 -d"${seconds}s" --latency "http://127.0.0.1:5090/api/neighbourhoods/locate-neighbourhood?q=43.887,125.3076" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx"
