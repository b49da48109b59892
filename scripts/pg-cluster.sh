#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for tests and benchmarks.
#
# Nothing is installed or kept: the cluster lives in a fresh temporary directory, listens on a free
# loopback port with trust authentication, runs with fsync off, and is deleted when stopped.
# PostgreSQL refuses to run as root, so as root the server runs as the system user `gmcpg`
# (created if missing).
#
# Usage:
#   scripts/pg-cluster.sh run -- CMD [ARGS...]
#       start a cluster, run CMD with TEST_DATABASE_URL (and PGHOST/PGPORT/PGUSER) exported, then
#       stop and delete the cluster whatever happens; exits with CMD's status.
#   eval "$(scripts/pg-cluster.sh start)"
#       start a cluster and print `export` lines (PG_CLUSTER_DIR, PG_CLUSTER_PORT, TEST_DATABASE_URL);
#       stop it later with: scripts/pg-cluster.sh stop "$PG_CLUSTER_DIR"
#   source scripts/pg-cluster.sh
#       defines pg_cluster_start / pg_cluster_stop for scripts that manage their own trap.
#
# Env: PG_CLUSTER_USER (system user for the server when run as root; default gmcpg).

pg_cluster__log() { printf 'pg-cluster: %s\n' "$*" >&2; }

# Put PostgreSQL's server binaries on PATH when only Debian's versioned directory has them.
pg_cluster__find_bins() {
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        return 0
    fi
    local dir
    for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
            PATH="$dir:$PATH"
            export PATH
            return 0
        fi
    done
    pg_cluster__log "initdb/pg_ctl not found (install Debian's postgresql-15 package)"
    return 1
}

# Print a TCP port on 127.0.0.1 that nothing listens on right now.
pg_cluster__free_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()' && return 0
    fi
    local port
    for _ in $(seq 1 200); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    return 1
}

# Run a command as the cluster's owner (gmcpg when we are root, ourselves otherwise).
pg_cluster__as_owner() {
    if [[ "$(id -u)" -eq 0 ]]; then
        runuser -u "${PG_CLUSTER_USER:-gmcpg}" -- "$@"
    else
        "$@"
    fi
}

pg_cluster__ensure_user() {
    [[ "$(id -u)" -eq 0 ]] || return 0
    local user="${PG_CLUSTER_USER:-gmcpg}"
    if ! id -u "$user" >/dev/null 2>&1; then
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$user" \
            || id -u "$user" >/dev/null 2>&1 # lost a race with a concurrent run: fine
    fi
}

# Start a cluster. Sets and exports PG_CLUSTER_DIR, PG_CLUSTER_PORT, TEST_DATABASE_URL.
pg_cluster_start() {
    pg_cluster__find_bins || return 1
    pg_cluster__ensure_user || return 1

    PG_CLUSTER_DIR="$(mktemp -d /tmp/gmc-pg.XXXXXX)" || return 1
    export PG_CLUSTER_DIR
    if [[ "$(id -u)" -eq 0 ]]; then
        chown "${PG_CLUSTER_USER:-gmcpg}:" "$PG_CLUSTER_DIR" || return 1
    fi

    # cd: the server user may not be allowed into the caller's working directory.
    if ! (cd "$PG_CLUSTER_DIR" && pg_cluster__as_owner initdb -D "$PG_CLUSTER_DIR/data" -U postgres \
        -A trust -E UTF8 --locale=C --no-sync >"$PG_CLUSTER_DIR/initdb.log" 2>&1); then
        pg_cluster__log "initdb failed:"
        cat "$PG_CLUSTER_DIR/initdb.log" >&2
        return 1
    fi

    # A port can be taken between picking and binding; try a few.
    local attempt port
    for attempt in 1 2 3 4 5; do
        port="$(pg_cluster__free_port)" || return 1
        if (cd "$PG_CLUSTER_DIR" && pg_cluster__as_owner pg_ctl start -w -t 60 \
            -D "$PG_CLUSTER_DIR/data" -l "$PG_CLUSTER_DIR/postgres.log" \
            -o "-p $port -k $PG_CLUSTER_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
            >/dev/null); then
            PG_CLUSTER_PORT="$port"
            export PG_CLUSTER_PORT
            TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
            export TEST_DATABASE_URL
            pg_cluster__log "$(pg_ctl --version | sed "s/^pg_ctl (PostgreSQL) /PostgreSQL /") up on 127.0.0.1:$port (dir $PG_CLUSTER_DIR)"
            return 0
        fi
        pg_cluster__log "start on port $port failed (attempt $attempt); log tail:"
        tail -n 5 "$PG_CLUSTER_DIR/postgres.log" >&2 || true
    done
    return 1
}

# Stop and delete a cluster (default: the one in PG_CLUSTER_DIR). Safe to call twice.
pg_cluster_stop() {
    local dir="${1:-${PG_CLUSTER_DIR:-}}"
    [[ -n "$dir" && -d "$dir" ]] || return 0
    case "$dir" in
        /tmp/gmc-pg.*) ;;
        *) pg_cluster__log "refusing to delete $dir (not a gmc-pg cluster directory)"; return 1 ;;
    esac
    if [[ -f "$dir/data/postmaster.pid" ]]; then
        (cd "$dir" && pg_cluster__as_owner pg_ctl stop -D "$dir/data" -m immediate -w -t 30 >/dev/null 2>&1) \
            || pg_cluster__log "pg_ctl stop failed for $dir"
    fi
    rm -rf "$dir"
    pg_cluster__log "stopped and removed $dir"
}

pg_cluster__main() {
    set -euo pipefail
    local cmd="${1:-}"
    shift || true
    case "$cmd" in
        run)
            [[ "${1:-}" == "--" ]] && shift
            [[ $# -gt 0 ]] || { pg_cluster__log "run needs a command"; exit 2; }
            trap 'pg_cluster_stop' EXIT
            trap 'exit 130' INT
            trap 'exit 143' TERM
            trap 'exit 129' HUP
            pg_cluster_start
            export PGHOST=127.0.0.1 PGPORT="$PG_CLUSTER_PORT" PGUSER=postgres
            local rc=0
            "$@" || rc=$?
            exit "$rc"
            ;;
        start)
            pg_cluster_start || { pg_cluster_stop; exit 1; }
            printf 'export PG_CLUSTER_DIR=%q PG_CLUSTER_PORT=%q TEST_DATABASE_URL=%q\n' \
                "$PG_CLUSTER_DIR" "$PG_CLUSTER_PORT" "$TEST_DATABASE_URL"
            ;;
        stop)
            pg_cluster_stop "${1:-}"
            ;;
        *)
            sed -n '2,20p' "${BASH_SOURCE[0]}" >&2
            exit 2
            ;;
    esac
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    pg_cluster__main "$@"
fi
