# shellcheck shell=bash
# Sourced by the scripts that install a tool when it is missing: ./passcom test runs as root on fresh CI machines,
# where the tool comes from Debian's packages; anyone else is told what to install.
#
#   source "$(dirname "${BASH_SOURCE[0]}")/lib/apt.sh"
#   command -v shellcheck >/dev/null 2>&1 || apt_install shellcheck
#
# apt_install PACKAGE [WHAT]: installs PACKAGE with apt-get, once more after apt-get update when that fails (a
# fresh machine may have no package lists yet, an old list may name versions no longer served). WHAT names the
# missing thing in the messages (default: PACKAGE). Exits 1, saying why, when it cannot install.
apt_install() {
    local package="$1" what="${2:-$1}" me
    me="$(basename "$0" .sh)"
    if [[ "$(id -u)" != 0 ]]; then
        echo "$me: $what is missing; install it, e.g. sudo apt-get install $package, or run this as root to have it installed" >&2
        exit 1
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "$me: $what is missing and there is no apt-get to install it" >&2
        exit 1
    fi
    echo "$me: installing $what (apt-get install $package)..." >&2
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$package" >&2; then
        apt-get update -q >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$package" >&2
    fi
}
