#!/usr/bin/env bash
# Make sure the local PostgreSQL answers before the tests; start the cluster if it is installed but down.
# Without PostgreSQL the PostgreSQL tests skip with the reason (and fail under CI=true).
set -uo pipefail
host=${PGHOST:-127.0.0.1}
ready() { command -v pg_isready >/dev/null && pg_isready -q -h "$host" -p 5432; }
ready && exit 0
if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
  version=$(ls /etc/postgresql | sort -V | tail -1)
  echo "postgres: starting cluster $version/main"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do ready && exit 0; sleep 1; done
fi
echo "postgres: no server at $host:5432 — PostgreSQL tests will be skipped (or fail under CI=true)" >&2
exit 0
