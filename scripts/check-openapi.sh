#!/usr/bin/env bash
# Lints the API descriptions (docs/openapi.yaml for customers, docs/openapi-peers.yaml for airlines) with
# Redocly CLI's recommended rules, as configured in redocly.yaml at the repository's root (every rule turned
# off is turned off there, with the reason). Fails on any error or warning. ./passcom test runs this first.
# Installs what is missing when root (apt-get for npm, npm for the linter, as scripts/check-docker.sh does);
# the linter goes under ~/.cache/passcom-tools/redocly.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${PASSCOM_TOOLS_DIR:-$HOME/.cache/passcom-tools}/redocly"
LINTER_VERSION=2.77.0
# Redocly CLI 2.x runs on Node.js 20.19+ or 22.12+ (its package.json "engines"); Debian 12's own nodejs is 18.
NODE_MIN_MAJOR=20 NODE_MIN_MINOR=19
# shellcheck source=lib/apt.sh
source "$ROOT/scripts/lib/apt.sh"

die() {
    echo "check-openapi: $*" >&2
    exit 1
}

command -v npm >/dev/null 2>&1 || apt_install npm
IFS=. read -r major minor _ <<< "$(node --version | tr -d v)"
if ((major < NODE_MIN_MAJOR || (major == NODE_MIN_MAJOR && minor < NODE_MIN_MINOR))); then
    die "Redocly CLI $LINTER_VERSION needs Node.js $NODE_MIN_MAJOR.$NODE_MIN_MINOR or later; this is $(node --version)"
fi
LINTER="$TOOLS/node_modules/.bin/redocly"
if [[ ! -x "$LINTER" ]] || ! grep -q "\"version\": \"$LINTER_VERSION\"" "$TOOLS/node_modules/@redocly/cli/package.json" 2>/dev/null; then
    echo "check-openapi: installing @redocly/cli $LINTER_VERSION (npm) into $TOOLS..." >&2
    mkdir -p "$TOOLS"
    npm install --prefix "$TOOLS" --no-audit --no-fund --silent "@redocly/cli@$LINTER_VERSION" >&2
fi

# Every description named under `apis:` in redocly.yaml; --max-problems so that a long list is never cut.
# The CLI's framed Node.js 20 end-of-life notice is left out of the output: it is about the machine, not the documents.
cd "$ROOT"
status=0
out="$(REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_COLOR=1 \
    "$LINTER" lint --config redocly.yaml --format stylish --max-problems 1000 2>&1)" || status=$?
{ grep -v '^ *[╔║╚]' <<< "$out" || true; } | cat -s
# "warn" rules do not fail `redocly lint`; here a warning fails the check as an error does.
if ((status != 0)) || grep -Eq '^ +[0-9]+:[0-9]+ +(error|warning) ' <<< "$out"; then
    die "FAIL: the API descriptions have problems (above); 0 errors and 0 warnings are required"
fi
echo "check-openapi: ok   docs/openapi.yaml and docs/openapi-peers.yaml: 0 errors, 0 warnings (Redocly CLI $LINTER_VERSION, recommended rules)"
