#!/usr/bin/env bash
# Runs shellcheck (Debian's package; settings in .shellcheckrc) over every shell script of the repository: the
# launcher, .ci/run, scripts/ (the sourced scripts/lib/ too) and any other script, at shellcheck's default severity
# (style and up). ./passcom test runs it before the build; it exits 1 on any finding, printing them.
# Installs shellcheck when missing and root (apt-get, as scripts/check-docker.sh installs its tools).
set -euo pipefail
# shellcheck source=lib/apt.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/apt.sh"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

command -v shellcheck >/dev/null 2>&1 || apt_install shellcheck

# The launcher, then every *.sh and every file whose first line is a sh or bash shebang (as .ci/run), outside
# build output, dependencies and the stores.
scripts=(passcom)
while IFS= read -r -d '' file; do
    if [[ "$file" == *.sh ]] || head -n 1 "$file" | grep -qE '^#!.*[/ ](ba)?sh( |$)'; then
        scripts+=("${file#./}")
    fi
done < <(find . \( -name .git -o -name target -o -name node_modules -o -path ./var \) -prune -o -type f ! -path ./passcom -print0 | sort -z)

if shellcheck "${scripts[@]}"; then
    echo "check-shell: ${#scripts[@]} scripts clean (shellcheck $(shellcheck --version | sed -n "s/^version: //p"))"
else
    echo "check-shell: shellcheck found the problems above (scripts checked: ${scripts[*]})" >&2
    exit 1
fi
