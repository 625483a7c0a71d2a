#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster on 127.0.0.1 and exits with the command's status.
#
#   scripts/with-postgres.sh CMD [ARGS...]
#
# The command sees PASSCOM_TEST_PG_URL (jdbc:postgresql://127.0.0.1:PORT/postgres?user=passcom; the role
# passcom is a superuser, so tests create their own databases from it) and PASSCOM_TEST_PG_PORT.
# The cluster lives in a fresh temporary folder, trusts connections from 127.0.0.1 only, keeps fsync on
# (the store's crash tests are about durability) and allows 300 connections (several servers' pools).
# On exit, Ctrl-C or SIGTERM the cluster is stopped and its folder removed; Ctrl-C or SIGTERM are passed
# on to the command as SIGTERM, and the script then exits 130 or 143.
#
# When no PostgreSQL server is installed, root installs Debian's postgresql package (as on a fresh CI
# machine); anyone else is told to install it.
set -euo pipefail
# shellcheck source=lib/child.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/child.sh"
# shellcheck source=lib/apt.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/apt.sh"

PG_USER=passcom-pg      # PostgreSQL refuses to run as root; as root, the cluster runs as this system user
PG_ROLE=passcom

die() {
    echo "with-postgres: $*" >&2
    exit 1
}

# The bin folder of the newest installed PostgreSQL server (Debian keeps it off PATH), or nothing.
find_pg_bin() {
    local dir
    dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)"
    if [[ -n "$dir" && -x "$dir/initdb" ]]; then
        echo "$dir"
    elif command -v initdb >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v initdb)")"
    fi
}

PG_BIN="$(find_pg_bin)"
if [[ -z "$PG_BIN" ]]; then
    apt_install postgresql "a PostgreSQL server (initdb in /usr/lib/postgresql/*/bin or on PATH)"
    PG_BIN="$(find_pg_bin)"
    [[ -n "$PG_BIN" ]] || die "PostgreSQL was installed but no initdb was found in /usr/lib/postgresql/*/bin"
fi

# Runs a PostgreSQL program as the cluster's owner, from the cluster folder (root's cwd may be closed to it).
as_owner() {
    if [[ "$(id -u)" == 0 ]]; then
        (cd "$WORK" && runuser -u "$PG_USER" -- "$@")
    else
        (cd "$WORK" && "$@")
    fi
}

if [[ "$(id -u)" == 0 ]] && ! id "$PG_USER" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$PG_USER" \
        || id "$PG_USER" >/dev/null 2>&1 || die "cannot create the system user $PG_USER"
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/passcom-pg.XXXXXX")"
DATA="$WORK/data"
STARTED=false

# shellcheck disable=SC2317 # called by name, on exit (child_cleanup_with)
stop_cluster() {
    if [[ "$STARTED" == true ]]; then
        as_owner "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 \
            || echo "with-postgres: could not stop the cluster in $WORK; see $WORK/postgres.log" >&2
    fi
    rm -rf "$WORK"
}
# Ctrl-C or SIGTERM are passed on to the command; once it has ended, stop_cluster runs (lib/child.sh).
child_cleanup_with stop_cluster

[[ "$(id -u)" == 0 ]] && chown "$PG_USER" "$WORK"
chmod 700 "$WORK"

# --no-sync: initdb's own files are not flushed to disk before it returns; the cluster is thrown away
# with the machine anyway. Commits made while it runs are durable: fsync stays on (below).
as_owner "$PG_BIN/initdb" -D "$DATA" -U "$PG_ROLE" --auth=trust --encoding=UTF8 --no-locale --no-sync \
    >"$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log" >&2; die "initdb failed"; }
cat >>"$DATA/postgresql.conf" <<CONF

# with-postgres.sh: a throwaway cluster for tests
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORK'
fsync = on
synchronous_commit = on
full_page_writes = on
max_connections = 300
shared_buffers = 32MB
logging_collector = off
CONF
cat >"$DATA/pg_hba.conf" <<HBA
local   all   all                 trust
host    all   all   127.0.0.1/32  trust
HBA

# A port below Linux's ephemeral range (where no outgoing connection lands) that nobody answers on;
# if another process binds it first, start-up fails and another port is tried.
port_is_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
PORT=""
for _ in 1 2 3 4 5; do
    candidate=$((20000 + RANDOM % 12000))
    port_is_free "$candidate" || continue
    if as_owner "$PG_BIN/pg_ctl" -D "$DATA" -l "$WORK/postgres.log" -o "-p $candidate" -w -t 60 start >/dev/null 2>&1; then
        PORT=$candidate
        STARTED=true
        break
    fi
    # pg_ctl -w may give up while the postmaster is still coming up: make sure it is down before retrying.
    as_owner "$PG_BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
done
if [[ -z "$PORT" ]]; then
    tail -n 30 "$WORK/postgres.log" >&2 2>/dev/null || true
    die "PostgreSQL did not start (5 attempts on random ports); its log is above"
fi

export PASSCOM_TEST_PG_PORT="$PORT"
export PASSCOM_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$PORT/postgres?user=$PG_ROLE"
echo "with-postgres: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (PASSCOM_TEST_PG_URL=$PASSCOM_TEST_PG_URL)" >&2

child_run "$@"
