#!/usr/bin/env bash
# Processor time per Open311 report (issue 25, "A node's own capacity"); see bench/README.md, "Processor per report".
# Starts the app (Release, SQLite with synchronous=FULL as always, demo off, limits lifted, one Open311 key) on a
# small generated province, drives Open311 POSTs at a fixed rate with LoadGen (WARMUP s not counted, for the JIT,
# then SECONDS counted), and reports
#   processor per report = (utime + stime of the app process over the counted window, /proc/PID/stat) / reports answered 201.
# Two builds can be measured side by side in one run, alternating (before, after, before, after, … ROUNDS times),
# each on a fresh copy of the same database, so both see the same machine:
#   BEFORE_DLL=/path/to/old/Fengqiao.dll AFTER_DLL=src/Fengqiao/bin/Release/net10.0/Fengqiao.dll bench/intake-cpu.sh
# Without BEFORE_DLL only AFTER_DLL (default: this tree's Release build) is measured.
# Knobs: RPS=600 WARMUP=60 COUNTED=30 ROUNDS=2 SCALE=0.002 CORES=0,1 (the app's cores; LoadGen runs on the same ones).
# Also reports the bare reference: the same form parsed and inserted into SQLite (WAL, synchronous=FULL), one row per
# report, in batches as the group commit would have them, measured in the same process (REFERENCE=0 leaves it out).
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
root=$PWD
rps=${RPS:-600}; warmup=${WARMUP:-60}; seconds=${COUNTED:-30}; rounds=${ROUNDS:-2}; scale=${SCALE:-0.002}; cores=${CORES:-0,1}
after_dll=${AFTER_DLL:-$root/src/Fengqiao/bin/Release/net10.0/Fengqiao.dll}
before_dll=${BEFORE_DLL:-}
tools_dll=$root/src/Fengqiao.Tools/bin/Release/net10.0/Fengqiao.Tools.dll
lg_dll=$root/bench/LoadGen/bin/Release/net10.0/LoadGen.dll
dir=$(mktemp -d /tmp/fengqiao-intake-cpu.XXXX)
port=5197
base=http://127.0.0.1:$port
tick=$(getconf CLK_TCK)
export Logging__LogLevel__Default=Warning Demo__Enabled=false
export Privacy__Keys__k1=YmVuY2gta2V5LWJlbmNoLWtleS1iZW5jaC1rZXktMzI= Privacy__CurrentKey=k1
export Privacy__HashKey=YmVuY2gtaGFzaC1rZXktYmVuY2gtaGFzaC1rZXktMzI=
export Limits__PerClientPerSecond=1000000 Limits__Concurrency=256 Limits__Queue=4096
export Open311__ApiKeys__0=bench-open311 Open311__PostsPerMinute=1000000
app=""
cleanup() {
  set +e
  if [ -n "$app" ]; then kill -TERM "$app" 2>/dev/null; wait "$app" 2>/dev/null; fi
  if [ "${KEEP:-0}" = 1 ]; then echo "(kept $dir)"; else rm -rf "$dir"; fi
}
trap cleanup EXIT

dotnet build src/Fengqiao.Tools -c Release -v q -nologo >/dev/null
dotnet build bench/LoadGen -c Release -v q -nologo >/dev/null
echo "== generate-province --scale $scale (SQLite)"
ConnectionStrings__Fengqiao="Data Source=$dir/seed.db" dotnet "$tools_dll" generate-province --scale "$scale" >"$dir/generate.log" 2>&1 \
  || { tail -20 "$dir/generate.log"; exit 1; }
sqlite3 "$dir/seed.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
sqlite3 "$dir/seed.db" "SELECT \"Code\" FROM \"Areas\" WHERE \"Level\" = 6 ORDER BY \"Id\"" | awk 'BEGIN { srand(7) } { print rand() "\t" $0 }' | sort -n | cut -f2 >"$dir/grids.txt"
echo "   $(wc -l <"$dir/grids.txt") grids; $rps reports/s offered, ${warmup} s warm-up, ${seconds} s counted, app and LoadGen on cores $cores"
echo "   machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
post() { # seconds label
  taskset -c "$cores" dotnet "$lg_dll" rate --url "$base/open311/v2/requests.json" --method POST --rps "$rps" --seconds "$1" \
    --form "api_key=bench-open311&service_code=danger-fallingobject&description=Bench+report+{n}&address_id={raw}" --values "$dir/grids.txt" \
    --label "$2"
}
measure() { # name dll
  local name=$1 dll=$2 db=$dir/$1.db
  rm -f "$db" "$db-wal" "$db-shm"; cp "$dir/seed.db" "$db"
  ConnectionStrings__Fengqiao="Data Source=$db" taskset -c "$cores" dotnet "$dll" --urls "$base" >"$dir/$name.log" 2>&1 &
  app=$!
  for _ in $(seq 1 300); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.5; done
  post "$warmup" warm-up >/dev/null
  local load0 t0 c0 c1 out ok
  load0=$(cut -d' ' -f1 /proc/loadavg)
  c0=$(cpu_ticks "$app"); t0=$(date +%s.%N)
  out=$(post "$seconds" "$name")
  c1=$(cpu_ticks "$app")
  kill -TERM "$app"; wait "$app" 2>/dev/null || true; app=""
  ok=$(sed -n 's/.*"ok":\([0-9]*\).*/\1/p' <<<"$out")
  local line
  line=$(sed -n 's/^RESULT //p' <<<"$out")
  local p50 p99 rate
  p50=$(sed -n 's/.*"ok_p50_ms":\([0-9.]*\).*/\1/p' <<<"$line"); p99=$(sed -n 's/.*"ok_p99_ms":\([0-9.]*\).*/\1/p' <<<"$line")
  rate=$(sed -n 's/.*"ok_rps":\([0-9.]*\).*/\1/p' <<<"$line")
  local codes; codes=$(grep -o 'status codes: .*' <<<"$out")
  awk -v n="$name" -v c=$((c1 - c0)) -v t="$tick" -v ok="$ok" -v r="$rate" -v p50="$p50" -v p99="$p99" -v l0="$load0" -v l1="$(cut -d' ' -f1 /proc/loadavg)" -v codes="$codes" 'BEGIN {
    printf "   %-8s %7.3f ms of processor per report  (%.2f s over %d reports answered 201, %s/s; p50 %s ms, p99 %s ms; load %s→%s; %s)\n",
      n, (ok > 0 ? c / t * 1000 / ok : 0), c / t, ok, r, p50, p99, l0, l1, codes }' | tee -a "$dir/summary.txt"
}
echo "== Open311 POST, processor time of the app process per report"
for round in $(seq 1 "$rounds"); do
  if [ -n "$before_dll" ]; then measure before "$before_dll"; fi
  measure after "$after_dll"
done
if [ "${REFERENCE:-1}" = 1 ]; then
  echo "== bare reference: parse the same form and insert one row per report into SQLite (WAL, synchronous=FULL), 200 a transaction"
  python3 - "$dir/ref.db" "$dir/grids.txt" <<'PY'
import os, sqlite3, sys, time, urllib.parse
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode=WAL"); db.execute("PRAGMA synchronous=FULL")
db.execute("CREATE TABLE r (id INTEGER PRIMARY KEY, code TEXT, service TEXT, description TEXT, grid TEXT, at TEXT)")
grids = [g.strip() for g in open(sys.argv[2]) if g.strip()]
n = 20000
t0 = os.times()
for b in range(0, n, 200):
    db.execute("BEGIN")
    for i in range(b, b + 200):
        body = f"api_key=bench-open311&service_code=danger-fallingobject&description=Bench+report+{i}&address_id={grids[i % len(grids)]}"
        f = dict(urllib.parse.parse_qsl(body))
        db.execute("INSERT INTO r (code, service, description, grid, at) VALUES (?, ?, ?, ?, ?)",
                   (f"R{i}", f["service_code"], f["description"], f["address_id"], time.strftime("%Y-%m-%dT%H:%M:%S")))
    db.execute("COMMIT")
t1 = os.times()
cpu = (t1.user - t0.user) + (t1.system - t0.system)
print(f"   reference (Python sqlite3): {cpu * 1000 / n:.3f} ms of processor per report over {n} reports")
PY
fi
echo "== summary"; cat "$dir/summary.txt"
