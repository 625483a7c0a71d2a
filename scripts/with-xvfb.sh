#!/usr/bin/env bash
# Runs a command with a virtual X display and exits with the command's status.
#
#   scripts/with-xvfb.sh CMD [ARGS...]
#
# The desktop client's GUI test (integration-tests, DesktopWindowIT) drives the real Swing window with
# java.awt.Robot, so it needs a display. This starts Xvfb on a free display number (from :90 up, skipping
# any with a lock file or a socket), exports DISPLAY and PASSCOM_GUI_TESTS=required (so that the GUI test
# fails, rather than skips, if it still finds no display), runs the command, and stops Xvfb on exit, Ctrl-C
# or SIGTERM (which are passed on to the command as SIGTERM; the script then exits 130 or 143).
#
# When Xvfb is missing, root installs Debian's xvfb package (as on a fresh CI machine); anyone else is told to.
set -euo pipefail
# shellcheck source=lib/child.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/child.sh"
# shellcheck source=lib/apt.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/apt.sh"

die() {
    echo "with-xvfb: $*" >&2
    exit 1
}

command -v Xvfb >/dev/null 2>&1 || apt_install xvfb Xvfb

XVFB_PID=""
LOG="$(mktemp "${TMPDIR:-/tmp}/passcom-xvfb.XXXXXX")"

# shellcheck disable=SC2317 # called by name, on exit (child_cleanup_with)
stop_xvfb() {
    if [[ -n "$XVFB_PID" ]] && kill -0 "$XVFB_PID" 2>/dev/null; then
        kill -TERM "$XVFB_PID" 2>/dev/null || true
        wait "$XVFB_PID" 2>/dev/null || true
    fi
    rm -f "$LOG"
}
child_cleanup_with stop_xvfb

# A display number nobody holds: no lock file and no socket. If another Xvfb takes it first, ours exits
# at once and the next number is tried.
DISPLAY_NUMBER=""
for candidate in $(seq 90 140); do
    [[ -e "/tmp/.X$candidate-lock" || -e "/tmp/.X11-unix/X$candidate" ]] && continue
    # no key auto-repeat: on a loaded machine a Robot key release can come late enough to repeat the key
    Xvfb ":$candidate" -screen 0 1600x1000x24 -nolisten tcp -noreset -r -ardelay 60000 -arinterval 60000 >"$LOG" 2>&1 &
    XVFB_PID=$!
    for _ in $(seq 1 100); do   # up to 10 s for the socket
        if [[ -e "/tmp/.X11-unix/X$candidate" ]]; then
            DISPLAY_NUMBER=$candidate
            break 2
        fi
        kill -0 "$XVFB_PID" 2>/dev/null || break
        sleep 0.1
    done
    kill -TERM "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
    XVFB_PID=""
done
if [[ -z "$DISPLAY_NUMBER" ]]; then
    cat "$LOG" >&2 || true
    die "Xvfb did not start on any display from :90 to :140; its last log is above"
fi

export DISPLAY=":$DISPLAY_NUMBER"
export PASSCOM_GUI_TESTS=required
echo "with-xvfb: Xvfb on $DISPLAY (1600x1000x24)" >&2

child_run "$@"
