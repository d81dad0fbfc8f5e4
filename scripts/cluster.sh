#!/usr/bin/env bash
# The Fengqiao province on one machine as it runs on several: etcd (one member), a PostgreSQL pair managed by
# Patroni with synchronous replication, HAProxy (a write port to the primary, a read port to the replica, an HTTP
# front with a per-client limit for the whole cluster) and N app nodes as separate processes. Everything lives
# under $CLUSTER_DIR (data, logs, pid files, generated configs); `down` stops every process it started and keeps
# the logs. docs/deployment.md explains each part for real machines, with these same configs.
#
# usage: scripts/cluster.sh up [--nodes N]     start everything afresh (wipes the previous run's data)
#        scripts/cluster.sh down               stop everything (logs and data stay in $CLUSTER_DIR)
#        scripts/cluster.sh status             etcd, Patroni members and lag, HAProxy's view of every server
#   used by the drills in bench/:
#        node-start I | node-stop I | node-kill I      app node I (graceful SIGTERM or SIGKILL)
#        pg-kill NAME | pg-start NAME                 a Patroni member and its PostgreSQL, as a machine dies
#        primary                                      the current primary's member name
#        env                                          the settings the nodes run with (connection strings etc.)
#        psql [ARGS]                                  psql as the app's owner through the write port
#        tool ARGS                                    an operator command (src/Fengqiao.Tools) with the nodes' settings
#
# Settings (environment): CLUSTER_DIR (/tmp/fengqiao-cluster), CLUSTER_NODES (3), CLUSTER_APP_PORT (8780),
# CLUSTER_CHECK_PATH (/healthz; /readyz once the nodes have it), CLUSTER_CLIENT_REQS_PER_10S (1000),
# CLUSTER_LIFT_LIMITS=1 (benchmarks from one address: every per-client limit lifted), CLUSTER_BUILD=1 (rebuild
# the app first), FENGQIAO_TOOL (the operator command line, default the built src/Fengqiao.Tools; `migrate` is run through it),
# CLUSTER_PROVINCE_SCALE (e.g. 0.1: a generated province of that scale instead of the demo, written by
# `generate-province` through the write port before the nodes start, demo mode off).
set -euo pipefail
export LC_ALL=C
root=$(cd "$(dirname "$0")/.." && pwd)
templates=$root/scripts/cluster

dir=${CLUSTER_DIR:-/tmp/fengqiao-cluster}
nodes=${CLUSTER_NODES:-3}
etcd_port=${CLUSTER_ETCD_PORT:-23790}
etcd_peer_port=${CLUSTER_ETCD_PEER_PORT:-23800}
pg_write_port=${CLUSTER_PG_WRITE_PORT:-5443}
pg_read_port=${CLUSTER_PG_READ_PORT:-5444}
app_port=${CLUSTER_APP_PORT:-8780}
stats_port=${CLUSTER_STATS_PORT:-8781}
node_base_port=${CLUSTER_NODE_BASE_PORT:-5300}
check_path=${CLUSTER_CHECK_PATH:-/readyz}
province_scale=${CLUSTER_PROVINCE_SCALE:-}
client_reqs_per_10s=${CLUSTER_CLIENT_REQS_PER_10S:-1000}
open311_key=${CLUSTER_OPEN311_KEY:-fengqiao-demo-open311}
members=(pg1 pg2)
declare -A pg_port=([pg1]=5441 [pg2]=5442) rest_port=([pg1]=8741 [pg2]=8742)
app_project=$root/src/Fengqiao
app_build=$app_project/bin/Release/net10.0
app_bin=$dir/app-bin

run=$dir/run
logs=$dir/logs

say() { printf '== %s\n' "$*"; }
die() { printf 'cluster: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- packages
ensure_packages() {
  local missing=()
  command -v haproxy >/dev/null || missing+=(haproxy)
  command -v patroni >/dev/null || missing+=(patroni)
  command -v etcd >/dev/null || missing+=(etcd-server)
  command -v etcdctl >/dev/null || missing+=(etcd-client)
  command -v envsubst >/dev/null || missing+=(gettext-base)
  command -v setpriv >/dev/null || missing+=(util-linux)
  command -v socat >/dev/null || missing+=(socat)
  command -v jq >/dev/null || missing+=(jq)
  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
  if ((${#missing[@]})); then
    say "installing ${missing[*]}"
    [ "$(id -u)" = 0 ] || die "need root to install ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >"${TMPDIR:-/tmp}/fengqiao-cluster-apt.log" 2>&1 ||
      { tail -n 20 "${TMPDIR:-/tmp}/fengqiao-cluster-apt.log" >&2; die "apt-get install ${missing[*]} failed"; }
    # Debian starts the packaged services; this cluster runs its own, on its own ports.
    for s in haproxy etcd patroni; do service "$s" stop >/dev/null 2>&1 || true; done
  fi
  pg_major=$(ls /usr/lib/postgresql | sort -n | tail -1)
  pg_bin=/usr/lib/postgresql/$pg_major/bin
}

# ---------------------------------------------------------------- processes
pidfile() { echo "$run/$1.pid"; }
alive() { local p; p=$(cat "$(pidfile "$1")" 2>/dev/null) && [ -n "$p" ] && kill -0 "$p" 2>/dev/null && [ "$(cut -d ' ' -f 3 "/proc/$p/stat" 2>/dev/null)" != Z ]; }
# start NAME COMMAND...: in its own session (so a kill reaches all of it), output to logs/NAME.log.
start() {
  local name=$1; shift
  setsid "$@" >>"$logs/$name.log" 2>&1 </dev/null &
  echo $! >"$(pidfile "$name")"
}
# stop NAME [SIGNAL] [WAIT_SECONDS]
stop() {
  local name=$1 signal=${2:-TERM} wait=${3:-30} p
  p=$(cat "$(pidfile "$name")" 2>/dev/null) || return 0
  kill "-$signal" "$p" 2>/dev/null || true
  for _ in $(seq 1 $((wait * 10))); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$p" 2>/dev/null && kill -9 "$p" 2>/dev/null
  rm -f "$(pidfile "$name")"
}
# wait_for SECONDS DESCRIPTION COMMAND...
wait_for() {
  local limit=$1 what=$2; shift 2
  local t0=$SECONDS
  until "$@" >/dev/null 2>&1; do
    ((SECONDS - t0 < limit)) || die "$what: not within $limit s (logs in $logs)"
    sleep 0.2
  done
}
http_is() { [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$2")" = "$1" ]; }

# ---------------------------------------------------------------- secrets and settings
load_secrets() {
  [ -f "$dir/secrets.env" ] || die "no cluster in $dir (run: scripts/cluster.sh up)"
  # shellcheck disable=SC1091
  . "$dir/secrets.env"
}
make_secrets() {
  local k; k() { head -c 32 /dev/urandom | base64; }
  umask 077
  cat >"$dir/secrets.env" <<EOF
PG_SUPER_PASSWORD=$(openssl rand -hex 16)
PG_REPL_PASSWORD=$(openssl rand -hex 16)
PG_REWIND_PASSWORD=$(openssl rand -hex 16)
APP_DB_PASSWORD=$(openssl rand -hex 16)
APP_READ_PASSWORD=$(openssl rand -hex 16)
PRIVACY_KEY_K1=$(k)
PRIVACY_HASH_KEY=$(k)
EOF
  umask 022
}

# The settings every node runs with (also printed by `env`, and written to $dir/node.env for the drills).
node_env() {
  cat <<EOF
ASPNETCORE_ENVIRONMENT=Production
Database__Provider=Postgres
ConnectionStrings__Fengqiao='Host=127.0.0.1;Port=$pg_write_port;Database=fengqiao;Username=fengqiao;Password=$APP_DB_PASSWORD;Maximum Pool Size=40;Timeout=5'
ConnectionStrings__FengqiaoRead='Host=127.0.0.1;Port=$pg_read_port;Database=fengqiao;Username=fengqiao_read;Password=$APP_READ_PASSWORD;Maximum Pool Size=20;Timeout=5'
Privacy__Keys__k1=$PRIVACY_KEY_K1
Privacy__CurrentKey=k1
Privacy__HashKey=$PRIVACY_HASH_KEY
Demo__Enabled=$([ -n "$province_scale" ] && echo false || echo true)
Proxies__Known__0=127.0.0.1
Open311__ApiKeys__0=$open311_key
Logging__LogLevel__Default=Warning
EOF
  if [ "${CLUSTER_LIFT_LIMITS:-0}" = 1 ]; then
    cat <<EOF
Open311__PostsPerMinute=100000000
Limits__PerClientPerSecond=1000000
Limits__Concurrency=1000
EOF
  fi
}

# ---------------------------------------------------------------- etcd and Patroni
start_etcd() {
  mkdir -p "$dir/etcd"
  start etcd etcd --name fengqiao-dcs --data-dir "$dir/etcd" --enable-v2=true \
    --listen-client-urls "http://127.0.0.1:$etcd_port" --advertise-client-urls "http://127.0.0.1:$etcd_port" \
    --listen-peer-urls "http://127.0.0.1:$etcd_peer_port" --initial-advertise-peer-urls "http://127.0.0.1:$etcd_peer_port" \
    --initial-cluster "fengqiao-dcs=http://127.0.0.1:$etcd_peer_port" --initial-cluster-state new
  wait_for 30 "etcd" env ETCDCTL_API=3 etcdctl --endpoints "127.0.0.1:$etcd_port" endpoint health
}

render_patroni() {
  local m=$1 home=$dir/$1
  mkdir -p "$home"
  PG_NAME=$m PG_PORT=${pg_port[$m]} PG_REST_PORT=${rest_port[$m]} PG_HOME=$home PG_BIN=$pg_bin ETCD_PORT=$etcd_port \
    PG_SUPER_PASSWORD=$PG_SUPER_PASSWORD PG_REPL_PASSWORD=$PG_REPL_PASSWORD PG_REWIND_PASSWORD=$PG_REWIND_PASSWORD \
    envsubst <"$templates/patroni.yml.in" >"$home/patroni.yml"
  chmod 600 "$home/patroni.yml"
  chown -R postgres:postgres "$home"
}

# Patroni and PostgreSQL run as the postgres user (PostgreSQL refuses root); setpriv execs, so the pid is Patroni's.
start_member() {
  local m=$1
  start "$m" setpriv --reuid=postgres --regid=postgres --init-groups env HOME="$dir/$m" patroni "$dir/$m/patroni.yml"
}

# A machine's death: Patroni and its PostgreSQL both SIGKILLed, with no chance to hand over.
kill_member() {
  local m=$1 pm
  pm=$(head -n 1 "$dir/$m/data/postmaster.pid" 2>/dev/null || true)
  stop "$m" KILL 1
  if [ -n "$pm" ]; then kill -9 "$pm" 2>/dev/null || true; fi
  # Backends exit when they notice their postmaster is gone; wait until the port is free.
  for _ in $(seq 1 50); do pg_isready -q -h 127.0.0.1 -p "${pg_port[$m]}" || break; sleep 0.1; done
}

cluster_json() { curl -s --max-time 2 "http://127.0.0.1:${rest_port[pg1]}/cluster" || curl -s --max-time 2 "http://127.0.0.1:${rest_port[pg2]}/cluster"; }
primary() { cluster_json | jq -r '.members[] | select(.role == "leader") | .name'; }
has_sync_standby() { cluster_json | jq -e '[.members[] | select(.role == "sync_standby" and (.state == "running" or .state == "streaming"))] | length > 0'; }

write_port_on_primary() { [ "$(psql_super -d postgres -c 'SELECT pg_is_in_recovery()')" = f ]; }

psql_super() { PGPASSWORD=$PG_SUPER_PASSWORD psql -h 127.0.0.1 -p "$pg_write_port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

create_app_database() {
  psql_super -d postgres <<EOF
CREATE ROLE fengqiao LOGIN PASSWORD '$APP_DB_PASSWORD';
CREATE ROLE fengqiao_read LOGIN PASSWORD '$APP_READ_PASSWORD';
-- The read connection can never write, even when HAProxy sends it to the primary (no replica up).
ALTER ROLE fengqiao_read SET default_transaction_read_only = on;
CREATE DATABASE fengqiao OWNER fengqiao;
EOF
  psql_super -d fengqiao <<EOF
GRANT USAGE ON SCHEMA public TO fengqiao_read;
ALTER DEFAULT PRIVILEGES FOR ROLE fengqiao IN SCHEMA public GRANT SELECT ON TABLES TO fengqiao_read;
ALTER DEFAULT PRIVILEGES FOR ROLE fengqiao IN SCHEMA public GRANT SELECT ON SEQUENCES TO fengqiao_read;
EOF
}

# ---------------------------------------------------------------- HAProxy and the app nodes
node_port() { echo $((node_base_port + $1)); }

render_haproxy() {
  local servers="" i
  for i in $(seq 1 "$nodes"); do servers+="    server node$i 127.0.0.1:$(node_port "$i") check"$'\n'; done
  CLUSTER_DIR=$dir PG_WRITE_PORT=$pg_write_port PG_READ_PORT=$pg_read_port APP_PORT=$app_port STATS_PORT=$stats_port \
    PG1_NAME=pg1 PG1_PORT=${pg_port[pg1]} PG1_REST_PORT=${rest_port[pg1]} PG2_NAME=pg2 PG2_PORT=${pg_port[pg2]} \
    PG2_REST_PORT=${rest_port[pg2]} APP_CHECK_PATH=$check_path APP_SERVERS=$servers \
    CLIENT_REQS_PER_10S=$([ "${CLUSTER_LIFT_LIMITS:-0}" = 1 ] && echo 100000000 || echo "$client_reqs_per_10s") \
    envsubst <"$templates/haproxy.cfg.in" >"$dir/haproxy.cfg"
  haproxy -c -q -f "$dir/haproxy.cfg" || die "haproxy.cfg does not check: $dir/haproxy.cfg"
}

tool() {
  # shellcheck disable=SC2086
  # TOOL_CONNECTION replaces the app's connection for one command (the generator's bulk load needs the superuser).
  (cd "$app_project" && set -a && . "$dir/node.env" && set +a &&
    if [ -n "${TOOL_CONNECTION:-}" ]; then export ConnectionStrings__Fengqiao=$TOOL_CONNECTION; fi && ${FENGQIAO_TOOL:-dotnet $root/src/Fengqiao.Tools/bin/Release/net10.0/Fengqiao.Tools.dll} "$@")
}

start_node() {
  local i=$1
  alive "node$i" && return 0
  (set -a && . "$dir/node.env" && set +a && export ASPNETCORE_URLS="http://127.0.0.1:$(node_port "$i")" &&
    start "node$i" dotnet "$app_bin/Fengqiao.dll" --contentRoot "$app_project")
}
wait_node() { wait_for "${2:-180}" "node$1 on $check_path" http_is 200 "http://127.0.0.1:$(node_port "$1")$check_path"; }
# HAProxy's own view of a server: UP, DOWN, MAINT...
haproxy_state() { echo "show stat" | socat - "UNIX-CONNECT:$dir/haproxy.sock" 2>/dev/null | awk -F, -v b="$1" -v s="$2" '$1 == b && $2 == s { print $18 }'; }

haproxy_up() { [ "$(haproxy_state app_nodes "$1")" = UP ]; }

build_app() {
  if [ "${CLUSTER_BUILD:-0}" = 1 ] || [ ! -f "$app_build/Fengqiao.dll" ]; then
    say "building the app (Release)"
    dotnet build "$app_project" -c Release -nologo -v:q >"$logs/build.log" 2>&1 || { tail -n 30 "$logs/build.log" >&2; die "build failed"; }
  fi
  # A copy to run, so that rebuilding the working tree does not change the nodes under a drill.
  rm -rf "$app_bin" && cp -r "$app_build" "$app_bin"
}

# ---------------------------------------------------------------- commands
up() {
  ensure_packages
  [ -f "$run/etcd.pid" ] && alive etcd && die "a cluster is already running in $dir (scripts/cluster.sh down first)"
  rm -rf "$dir/etcd" "$dir/pg1" "$dir/pg2" "$run" "$logs"
  mkdir -p "$dir" "$run" "$logs"
  chmod 755 "$dir"
  # A start that fails half-way stops what it started (the logs stay).
  trap 'echo "cluster: up failed; stopping what was started" >&2; down >/dev/null 2>&1' EXIT
  local t0=$SECONDS
  make_secrets && load_secrets
  node_env >"$dir/node.env" && chmod 600 "$dir/node.env"
  build_app

  say "etcd on 127.0.0.1:$etcd_port"
  start_etcd
  say "Patroni pair (PostgreSQL $pg_major): pg1 :${pg_port[pg1]}, pg2 :${pg_port[pg2]}"
  render_patroni pg1 && render_patroni pg2
  start_member pg1
  wait_for 90 "pg1 as primary" http_is 200 "http://127.0.0.1:${rest_port[pg1]}/primary"
  start_member pg2
  wait_for 120 "pg2 as replica" http_is 200 "http://127.0.0.1:${rest_port[pg2]}/replica"
  wait_for 60 "a synchronous standby" has_sync_standby

  say "HAProxy: app :$app_port, writes :$pg_write_port, reads :$pg_read_port, stats :$stats_port"
  render_haproxy
  start haproxy haproxy -W -db -f "$dir/haproxy.cfg"
  # Not only open: HAProxy counts its servers up until their first check, so the write port can reach the standby for
  # a moment after it starts (CI once failed here with "CREATE ROLE in a read-only transaction").
  wait_for 30 "HAProxy's write port on the primary" write_port_on_primary

  say "database, roles and migrations"
  create_app_database
  tool migrate >>"$logs/migrate.log" 2>&1 || { tail -n 30 "$logs/migrate.log" >&2; die "migrate failed"; }
  if [ -n "$province_scale" ]; then
    say "generate-province --scale $province_scale through the write port (the standby receives it synchronously)"
    local g0=$SECONDS
    # A bulk load turns triggers off (session_replication_role), which only a superuser may do.
    TOOL_CONNECTION="Host=127.0.0.1;Port=$pg_write_port;Database=fengqiao;Username=postgres;Password=$PG_SUPER_PASSWORD;Timeout=30;Command Timeout=0" \
      tool generate-province --scale "$province_scale" >"$logs/generate.log" 2>&1 || { tail -n 30 "$logs/generate.log" >&2; die "generate-province failed"; }
    tail -n 1 "$logs/generate.log"
    echo "   in $((SECONDS - g0)) s"
  fi

  # The first node seeds the demo province into the empty database; the others find it there.
  say "node1 ($([ -n "$province_scale" ] && echo "the generated province" || echo "seeds the demo province, up to 3 minutes"))"
  start_node 1 && wait_node 1 300
  local i
  for i in $(seq 2 "$nodes"); do start_node "$i"; done
  for i in $(seq 2 "$nodes"); do wait_node "$i"; done
  for i in $(seq 1 "$nodes"); do wait_for 30 "HAProxy sees node$i" haproxy_up "node$i"; done
  trap - EXIT
  say "up in $((SECONDS - t0)) s: http://127.0.0.1:$app_port (HAProxy stats: http://127.0.0.1:$stats_port)"
}

down() {
  [ -d "$run" ] || { echo "nothing running in $dir"; return 0; }
  local f name
  for f in "$run"/node*.pid; do [ -e "$f" ] && stop "$(basename "$f" .pid)" TERM 30; done
  stop haproxy TERM 10
  for name in pg2 pg1; do stop "$name" TERM 60; done
  # A PostgreSQL left behind by a killed Patroni (a drill) is stopped too.
  for name in pg1 pg2; do
    if [ -f "$dir/$name/data/postmaster.pid" ]; then
      setpriv --reuid=postgres --regid=postgres --init-groups "$pg_bin/pg_ctl" -D "$dir/$name/data" -m fast stop >/dev/null 2>&1 || true
    fi
  done
  stop etcd TERM 10
  echo "stopped; logs in $logs"
}

status() {
  load_secrets
  local i code
  printf 'etcd:    '; ETCDCTL_API=3 etcdctl --endpoints "127.0.0.1:$etcd_port" endpoint health 2>&1 | head -n 1
  echo "Patroni:"
  cluster_json | jq -r '.members[] | "  \(.name)\t\(.role)\t\(.state)\tlag \(.lag // 0)\ttimeline \(.timeline // "-")"' 2>/dev/null || echo "  (no member answers)"
  echo "HAProxy:"
  echo "show stat" | socat - "UNIX-CONNECT:$dir/haproxy.sock" 2>/dev/null |
    awk -F, '$1 !~ /^#/ && $2 != "FRONTEND" && $2 != "BACKEND" { printf "  %-12s %-8s %s\n", $1, $2, $18 }' || echo "  (not running)"
  echo "Nodes:"
  for i in $(seq 1 "$nodes"); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$(node_port "$i")$check_path" || true)
    printf '  node%d :%d %s %s\n' "$i" "$(node_port "$i")" "$check_path" "$code"
  done
}

command=${1:-}
shift || true
case "$command" in
  up)
    while (($#)); do
      case "$1" in --nodes) nodes=$2; shift 2 ;; *) die "unknown option $1" ;; esac
    done
    up
    echo "$nodes" >"$dir/nodes"
    ;;
  down) [ -f "$dir/nodes" ] && nodes=$(cat "$dir/nodes"); ensure_packages; down ;;
  status) [ -f "$dir/nodes" ] && nodes=$(cat "$dir/nodes"); ensure_packages; status ;;
  node-start) load_secrets; start_node "$1"; wait_node "$1" ;;
  node-stop) stop "node$1" TERM 60 ;;
  node-kill) stop "node$1" KILL 1 ;;
  pg-kill) ensure_packages; kill_member "$1" ;;
  pg-start) ensure_packages; load_secrets; start_member "$1" ;;
  primary) primary ;;
  env) load_secrets; node_env ;;
  tool) load_secrets; tool "$@" ;;
  psql) load_secrets; PGPASSWORD=$APP_DB_PASSWORD psql -h 127.0.0.1 -p "$pg_write_port" -U fengqiao -d fengqiao "$@" ;;
  *) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
esac
