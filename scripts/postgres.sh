#!/usr/bin/env bash
# Make sure a local PostgreSQL server runs for the storage tests and print its URL on stdout.
#
# CI runs as root on Debian without PostgreSQL: the package is installed when missing, a cluster
# is created and started, and a user and database for the tests are created (idempotently).
# Everything else goes to stderr, so `URL=$(scripts/postgres.sh)` reads only the URL.
set -euo pipefail

DB_USER="${QUELLENLAGE_PG_USER:-quellenlage}"
DB_PASSWORD="${QUELLENLAGE_PG_PASSWORD:-quellenlage}"
DB_NAME="${QUELLENLAGE_PG_DATABASE:-quellenlage_test}"
PORT="${QUELLENLAGE_PG_PORT:-5432}"

log() { echo "postgres.sh: $*" >&2; }

as_postgres() {
    if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

# A server that already answers with our credentials needs nothing more.
URL="postgresql://${DB_USER}:${DB_PASSWORD}@127.0.0.1:${PORT}/${DB_NAME}"
if command -v psql >/dev/null 2>&1 \
    && PGPASSWORD="$DB_PASSWORD" PGCONNECT_TIMEOUT=3 psql -h 127.0.0.1 -p "$PORT" -U "$DB_USER" \
        -d "$DB_NAME" -tAc 'select 1' >/dev/null 2>&1; then
    echo "$URL"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    log "no PostgreSQL answers at 127.0.0.1:${PORT} and this is not root: start one yourself" \
        "and set QUELLENLAGE_TEST_POSTGRES=postgresql://USER:PASSWORD@HOST:PORT/DB"
    exit 1
fi

if ! command -v pg_lsclusters >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1
then
    log "installing PostgreSQL (Debian package postgresql)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
fi

VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^${VERSION} main$"; then
    log "creating cluster ${VERSION}/main"
    pg_createcluster "$VERSION" main --port "$PORT" >&2
fi
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $4}' | grep -q online; then
    log "starting cluster ${VERSION}/main"
    pg_ctlcluster "$VERSION" main start >&2
fi

for _ in $(seq 1 30); do
    if as_postgres pg_isready -q -h 127.0.0.1 -p "$PORT"; then break; fi
    sleep 1
done

as_postgres psql -p "$PORT" -v ON_ERROR_STOP=1 -q >&2 <<SQL
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${DB_USER}') THEN
        CREATE ROLE ${DB_USER} LOGIN PASSWORD '${DB_PASSWORD}' CREATEDB;
    END IF;
END
\$\$;
SQL
if ! as_postgres psql -p "$PORT" -tAc "SELECT 1 FROM pg_database WHERE datname='${DB_NAME}'" \
    | grep -q 1; then
    as_postgres createdb -p "$PORT" -O "$DB_USER" "$DB_NAME" >&2
fi

echo "$URL"
