#!/usr/bin/env bash
# Renders the client's screenshots into docs/screenshots (or $1) under a virtual display.
# Against a running federation: PASSCOM_SERVERS="A=http://127.0.0.1:65433,..." swing-client/screenshots.sh
# (use a fresh one: it sells out some of A's and B's seats so the routes mix airlines, and buys tickets for
# CPF 529.982.247-25). Without it, three in-memory fake servers answer.
# The 1,000-city map shows data/network-1000.json (or one generated like it by core's GenerateNetwork, data/README.md),
# served by a fake airline.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "screenshots: installing xvfb (apt-get install xvfb)..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q --no-install-recommends xvfb xauth >&2 \
        || { apt-get update -q >&2 && apt-get install -y -q --no-install-recommends xvfb xauth >&2; }
fi
# each module writes its own target/test-classpath.txt
mvn -q -pl swing-client,core -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
NETWORK_1000="data/network-1000.json"   # the performance work's generated network, when it is there
[[ -f "$NETWORK_1000" ]] || NETWORK_1000="swing-client/target/network-1000.json"
if [[ ! -f "$NETWORK_1000" ]]; then
    java -cp "core/target/classes:$(cat core/target/test-classpath.txt)" passcom.core.route.generate.GenerateNetwork \
        --cities 1000 --seats 24 --seed 1 --out "$NETWORK_1000"
fi
CP="swing-client/target/test-classes:swing-client/target/classes:$(cat swing-client/target/test-classpath.txt)"
xvfb-run -a -s "-screen 0 1600x1000x24" java -Dscreenshot.bigNetwork="$NETWORK_1000" -cp "$CP" \
    passcom.client.ScreenshotTool "${1:-docs/screenshots}"
