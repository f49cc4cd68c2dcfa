# Sourced by .ci/run: a throwaway PostgreSQL + PostGIS cluster for the tests marked "postgis".
#
# Installs PostgreSQL and PostGIS from the distribution's packages when they are absent (as root,
# with apt-get), starts a cluster as the postgres user in a temporary directory, listening only
# on a unix socket there, exports INFRA_ATLAS_TEST_PG (a libpq connection string, trust
# authentication for the postgres role) and stops the cluster and removes it on exit. When
# anything here fails, the postgis tests are skipped (they say why) and the rest still run.

atlas_pg_bin() {
    local bin
    for bin in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if ls "$bin/../lib/"postgis-3*.so >/dev/null 2>&1 || \
           ls /usr/lib/postgresql/"$(basename "$(dirname "$bin")")"/lib/postgis-3*.so >/dev/null 2>&1; then
            echo "$bin"
            return 0
        fi
    done
    return 1
}

atlas_pg_install() {
    if atlas_pg_bin >/dev/null; then return 0; fi
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
        echo "postgres: PostGIS is not installed and cannot be installed here (need root and apt-get)" >&2
        return 1
    fi
    echo "postgres: installing PostgreSQL and PostGIS from the distribution's packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq postgresql postgis >/dev/null
}

atlas_pg_start() {
    atlas_pg_install || return 1
    local bin dir
    bin=$(atlas_pg_bin) || return 1
    dir=$(mktemp -d /tmp/atlas-pg.XXXXXX)
    chown postgres: "$dir" 2>/dev/null || true
    ATLAS_PG_DIR=$dir
    ATLAS_PG_BIN=$bin
    runuser -u postgres -- "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 \
        --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-k $dir -c listen_addresses='' -p 54329 -c fsync=off" start >/dev/null \
        || { cat "$dir/server.log" >&2; return 1; }
    export INFRA_ATLAS_TEST_PG="host=$dir port=54329 user=postgres dbname=postgres"
    echo "postgres: a throwaway cluster runs in $dir (INFRA_ATLAS_TEST_PG=\"$INFRA_ATLAS_TEST_PG\")" >&2
}

atlas_pg_stop() {
    if [ -n "${ATLAS_PG_DIR:-}" ] && [ -d "$ATLAS_PG_DIR/data" ]; then
        runuser -u postgres -- "$ATLAS_PG_BIN/pg_ctl" -D "$ATLAS_PG_DIR/data" -m immediate \
            stop >/dev/null 2>&1 || true
        rm -rf "$ATLAS_PG_DIR"
    fi
}
