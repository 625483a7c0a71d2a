#!/usr/bin/env bash
# The fault harness in one command (docs/fault-harness.md).
#
#   scripts/fault-harness.sh [short|long] [SEED]
#
# short: the CI configuration (2 runs of 30 s of load, 24 clients, every nemesis), as in `mvn verify`.
# long:  one run of 31 minutes, 200 clients, a fault every 2-8 s of which half are kills (a kill every ~5-15 s).
# SEED replays a run's fault schedule and clients' choices. Extra -D options (passcom.harness.*) go in MAVEN_OPTS
# or after the seed. Results: integration-tests/target/fault-harness/<time>/seed-N/{result.md,history.jsonl,*.log}.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-short}"
shift || true
args=(-Dit.test=FaultHarnessIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false)
case "$mode" in
  short) ;;
  long) args+=(-Dpasscom.harness=long) ;;
  *) echo "usage: $0 [short|long] [SEED] [-Dpasscom.harness.NAME=VALUE...]" >&2; exit 2 ;;
esac
if [[ $# -gt 0 && "$1" =~ ^[0-9]+$ ]]; then
  args+=(-Dpasscom.harness.seed="$1")
  shift
fi
exec mvn -B -ntp -pl integration-tests -am verify "${args[@]}" "$@"
