# shellcheck shell=bash
# Sourced by the scripts/with-*.sh wrappers: runs the wrapped command as a child, passes Ctrl-C or SIGTERM on
# to it, and runs the wrapper's own clean-up on every exit.
#
#   source "$(dirname "${BASH_SOURCE[0]}")/lib/child.sh"
#   child_cleanup_with stop_my_service   # from here on, every exit runs stop_my_service first
#   ...start the service...
#   child_run "$@"                       # runs the command; exits with its status (130 or 143 after a signal)
#
# The clean-up function only cleans up; the exit status is kept for it. Before child_run, a signal just exits
# (through the clean-up). A background job of a script ignores SIGINT, so Ctrl-C reaches the command as SIGTERM.

CHILD=""
SIGNALLED=""
CHILD_CLEANUP=""

child_exit() {
    local status=$?
    trap - EXIT INT TERM
    if [[ -n "$CHILD_CLEANUP" ]]; then
        "$CHILD_CLEANUP" || true
    fi
    exit "${SIGNALLED:-$status}"
}

child_on_signal() {
    SIGNALLED=$1
    if [[ -n "$CHILD" ]]; then
        kill -TERM "$CHILD" 2>/dev/null || true
    else
        exit "$SIGNALLED"
    fi
}

child_cleanup_with() {
    CHILD_CLEANUP=$1
    trap child_exit EXIT
    trap 'child_on_signal 130' INT
    trap 'child_on_signal 143' TERM
}

child_run() {
    # In the background so a signal can be passed on; <&0 keeps stdin (a background job would get /dev/null).
    "$@" <&0 &
    CHILD=$!
    local status
    set +e
    wait "$CHILD"
    status=$?
    while kill -0 "$CHILD" 2>/dev/null; do  # the wait above was cut short by a signal: wait for the command itself
        wait "$CHILD"
        status=$?
    done
    set -e
    exit "$status"
}
