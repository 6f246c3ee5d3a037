#!/usr/bin/env bash
# Starts a PostgreSQL server on 127.0.0.1 for the tests that need a real one (two API instances,
# SKIP LOCKED claims, the db/API suites on a server as well as on PGlite), and prints the URL to
# export as TEST_POSTGRES_URL. Installs Debian's postgresql when it is missing. Idempotent.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  as_root apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
if ! pg_lsclusters -h 2>/dev/null | grep -q "^$version main"; then
  as_root pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | grep -q "^$version main .* online"; then
  as_root pg_ctlcluster "$version" main start
fi

password=fact-ci
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')
for _ in $(seq 1 30); do
  if as_root su postgres -c "psql -p $port -qAtc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done
as_root su postgres -c "psql -p $port -qc \"alter user postgres password '$password'\"" >/dev/null
echo "postgres://postgres:$password@127.0.0.1:$port/postgres"
