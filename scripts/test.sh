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

# One closing line for the whole run, summed over the test assemblies.
awk -F'[:,]' '/(Passed|Failed)! +- Failed:/ { f+=$2; p+=$4; s+=$6 } END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
