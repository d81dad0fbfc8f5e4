#!/usr/bin/env bash
# Makes sure what the tests need is here and running: PostgreSQL on 127.0.0.1:5432 (user
# postgres, password postgres), Debian's Chromium at /usr/bin/chromium and Postfix's smtp-sink (the outbox tests' SMTP server). Installs them with
# apt when missing (needs root, as on CI). Set FENGQIAO_TEST_POSTGRES to use another server.
set -euo pipefail

need=()
if [ -z "${FENGQIAO_TEST_POSTGRES:-}" ] && ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then need+=(postgresql); fi
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then need+=(chromium); fi
if [ ! -x /usr/sbin/smtp-sink ]; then need+=(postfix); fi
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing ${need[*]}: install them (apt-get install -y ${need[*]}) or run as root." >&2
    exit 1
  fi
  echo "Installing ${need[*]} ..."
  apt-get update -qq
  # Postfix only for its smtp-sink: no mail system is configured or started.
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ -z "${FENGQIAO_TEST_POSTGRES:-}" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  if ! pg_lsclusters -h 2>/dev/null | grep -q "^$version main"; then
    pg_createcluster "$version" main >/dev/null
  fi
  if ! pg_lsclusters -h | grep -q "^$version main .* online"; then
    pg_ctlcluster "$version" main start
  fi
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && break
    sleep 1
  done
  su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
  echo "PostgreSQL $version is running on 127.0.0.1:5432."
fi
echo "smtp-sink: $([ -x /usr/sbin/smtp-sink ] && echo /usr/sbin/smtp-sink || echo missing)"
echo "Chromium: $("${CHROMIUM_PATH:-/usr/bin/chromium}" --version 2>/dev/null || echo missing)"
