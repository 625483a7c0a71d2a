#!/usr/bin/env bash
# Renders the client's screenshots into docs/screenshots (or $1) under a virtual display.
# Against a running federation: PASSCOM_SERVERS="A=http://127.0.0.1:65433,..." swing-client/screenshots.sh
# (use a fresh one: it sells out some of A's and B's seats so the routes mix airlines, and buys two tickets for
# CPF 529.982.247-25). Without it, three in-memory fake servers answer.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -pl swing-client -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/swing-client/target/test-classpath.txt" -Dmdep.includeScope=test
CP="swing-client/target/test-classes:swing-client/target/classes:$(cat swing-client/target/test-classpath.txt)"
xvfb-run -a -s "-screen 0 1600x1000x24" java -cp "$CP" passcom.client.ScreenshotTool "${1:-docs/screenshots}"
