#!/usr/bin/env bash
# The whole test suite, as CI runs it: unit + HTTP integration tests against SQLite and a real
# PostgreSQL, then Playwright browser tests against the real app in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/test-services.sh
python3 scripts/i18n-check.py

dotnet tool restore >/dev/null
dotnet build Fengqiao.slnx -c Release -nologo -clp:NoSummary -v:q
log=$(mktemp)
set +e
dotnet test Fengqiao.slnx -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# The small cluster drill (issue 25): three nodes behind HAProxy on a Patroni pair, one killed under load; it
# installs haproxy, patroni and etcd when missing and fails (never skips) when it cannot. FENGQIAO_SKIP_CLUSTER=1
# leaves it out of a local run.
cluster_passed=0
cluster_failed=0
if [ "${FENGQIAO_SKIP_CLUSTER:-0}" != 1 ]; then
  if CLUSTER_DIR=$(mktemp -d /tmp/fengqiao-cluster-ci.XXXX) bench/drill-node-kill.sh --ci; then
    cluster_passed=1
  else
    cluster_failed=1
    status=1
  fi
fi

# One closing line for the whole run, summed over the test assemblies (and the cluster drill).
awk -F'[:,]' -v cp="$cluster_passed" -v cf="$cluster_failed" '/(Passed|Failed)! +- Failed:/ { f+=$2; p+=$4; s+=$6 } END { printf "%d passed, %d failed, %d skipped\n", p + cp, f + cf, s }' "$log"
rm -f "$log"
exit "$status"
