#!/usr/bin/env bash
# Drill (b), issue 25: the PostgreSQL primary dies (Patroni and PostgreSQL both SIGKILLed, as a machine that loses
# power) under Open311 load through three app nodes. Patroni must promote the standby once the leader key expires
# (ttl 10 s), HAProxy must send writes there, every acknowledged report must be in the new primary, and the old
# primary, started again, must come back as a standby (pg_rewind if it needs it).
#
# usage: bench/drill-pg-failover.sh [RATE=200] [SECONDS=60]     (KEEP=1 leaves the cluster running)
source "$(dirname "$0")/drill-lib.sh"

rate=${1:-200}
seconds=${2:-60}
kill_at=${KILL_AT:-$((seconds / 4))}

echo "== cluster: 3 nodes on the Patroni pair"
drill_cluster_up 3
old=$("$cluster" primary)
echo "== load: Open311 at $rate/s for $seconds s, the acknowledged writer, a write probe every 100 ms; primary is $old"
start_writer 4
start_write_probe
start_load "$rate" "$seconds"
sleep $((3 + kill_at))

t_kill=$(now)
"$cluster" pg-kill "$old"
echo "   $(date +%T) $old killed (Patroni and PostgreSQL, SIGKILL)"
new=""
for _ in $(seq 1 600); do
  new=$("$cluster" primary 2>/dev/null || true)
  [ -n "$new" ] && [ "$new" != "$old" ] && break
  sleep 0.1
done
promoted_after=$(since "$t_kill")
echo "   $new promoted after $promoted_after s"
haproxy_after=$(wait_state pg_primary "$new" UP 30)
echo "   HAProxy's write port on $new $haproxy_after s later"

wait_load
stop_writer
stop_write_probe

echo "== the old primary starts again"
t_start=$(now)
"$cluster" pg-start "$old"
rejoined=never
for _ in $(seq 1 1200); do
  if curl -s --max-time 2 "http://127.0.0.1:$( [ "$new" = pg1 ] && echo 8741 || echo 8742 )/cluster" |
    jq -e --arg m "$old" '.members[] | select(.name == $m and (.role == "sync_standby" or .role == "replica") and (.state == "running" or .state == "streaming"))' >/dev/null; then
    rejoined=$(since "$t_start"); break
  fi
  sleep 0.1
done
echo "   $old is a standby again after $rejoined s"
check_acked
gap=$(longest_write_gap)

echo "== results"
jq -r '"   Open311 \(.offered_rps)/s for \(.seconds) s: \(.ok) 2xx (\(.ok_rps)/s), p50 \(.ok_p50_ms) ms, p99 \(.ok_p99_ms) ms, max \(.ok_max_ms) ms; 5xx \(.r5xx), 429 \(.r429), no answer \(.errors), dropped \(.dropped)"' "$work/load.json"
echo "   acknowledged writes: $acked_total, missing from the new primary: $acked_missing"
tail -n 1 "$work/writer.log" | sed 's/^/   writer: /'
echo "   promotion $promoted_after s after the kill; longest time without a successful write: $gap s; old primary a standby again after $rejoined s"
"$cluster" status | sed 's/^/   /' | sed -n '/Patroni/,/HAProxy/p' | head -n 3
jq -c --arg missing "$acked_missing" --arg acked "$acked_total" --arg gap "$gap" --arg promoted "$promoted_after" --arg rejoined "$rejoined" \
  '{drill: "pg-failover", rate: .offered_rps, seconds, ok, ok_p99_ms, r5xx, errors, acked: ($acked | tonumber), missing: ($missing | tonumber), promoted_s: $promoted, no_writes_s: $gap, rejoined_s: $rejoined}' \
  "$work/load.json" | sed 's/^/RESULT /'

status=0
[ "$acked_missing" = 0 ] || { echo "FAIL: $acked_missing acknowledged writes are not in the database"; status=1; }
[ "$new" != "$old" ] && [ -n "$new" ] || { echo "FAIL: no standby was promoted"; status=1; }
[ "$rejoined" != never ] || { echo "FAIL: the old primary did not come back as a standby"; status=1; }
[ "$status" = 0 ] && echo "PASS: $new promoted, 0 acknowledged writes lost, $old rejoined as a standby"
exit "$status"
