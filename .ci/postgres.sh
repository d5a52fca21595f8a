#!/usr/bin/env bash
# Install (from Debian packages) and start a local PostgreSQL for the registry tests, then print
#   export TAPSYRMA_TEST_PG_URL=postgresql+psycopg://...
# on stdout, so that a caller can do:  eval "$(bash .ci/postgres.sh)"
# Everything else goes to stderr. Idempotent: a second run only checks that the server answers.
set -euo pipefail

PG_USER=tapsyrma
PG_PASSWORD=tapsyrma
PG_DB=tapsyrma_test
PG_PORT=${TAPSYRMA_PG_PORT:-5432}

log() { echo "postgres.sh: $*" >&2; }

as_postgres() {
    if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$*"; fi
}

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    log "installing postgresql from Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y -qq postgresql >&2; then
        apt-get update -qq >&2
        apt-get install -y -qq postgresql >&2
    fi
fi

PG_VERSION=$(ls /usr/lib/postgresql | sort -V | tail -1)

if ! pg_lsclusters -h 2>/dev/null | awk -v v="$PG_VERSION" '$1 == v && $2 == "main"' | grep -q .; then
    log "creating cluster $PG_VERSION/main"
    pg_createcluster "$PG_VERSION" main --port "$PG_PORT" >&2
fi

status=$(pg_lsclusters -h | awk -v v="$PG_VERSION" '$1 == v && $2 == "main" {print $4}')
if [ "$status" != "online" ]; then
    log "starting cluster $PG_VERSION/main"
    pg_ctlcluster "$PG_VERSION" main start >&2
fi
PG_PORT=$(pg_lsclusters -h | awk -v v="$PG_VERSION" '$1 == v && $2 == "main" {print $3}')

for _ in $(seq 1 50); do
    if as_postgres psql -p "$PG_PORT" -Atqc "select 1" >/dev/null 2>&1; then break; fi
    sleep 0.2
done

if [ "$(as_postgres psql -p "$PG_PORT" -Atqc "select 1 from pg_roles where rolname = '$PG_USER'")" != "1" ]; then
    log "creating role $PG_USER"
    as_postgres psql -p "$PG_PORT" -qc "create role $PG_USER login createdb password '$PG_PASSWORD'" >&2
fi
if [ "$(as_postgres psql -p "$PG_PORT" -Atqc "select 1 from pg_database where datname = '$PG_DB'")" != "1" ]; then
    log "creating database $PG_DB"
    as_postgres psql -p "$PG_PORT" -qc "create database $PG_DB owner $PG_USER" >&2
fi

echo "export TAPSYRMA_TEST_PG_URL=postgresql+psycopg://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"
