#!/usr/bin/env bash
# The fault harness in one command (docs/fault-harness.md).
#
#   scripts/fault-harness.sh [short|long|short-postgres|long-postgres] [SEED]
#
# short: the CI configuration (2 runs of 20 s of load, 24 clients, every nemesis), as in `mvn verify`.
# long:  one run of 31 minutes, 200 clients, a fault every 2-8 s of which half are kills (a kill every ~5-15 s).
# short-postgres, long-postgres: the same with airline A as two instances (A1, A2) on one PostgreSQL database
#        (FaultHarnessPostgresIT; short is one run of 25 s), under scripts/with-postgres.sh, which starts a
#        throwaway PostgreSQL (installing Debian's package when root and none is installed).
# SEED replays a run's fault schedule and clients' choices. Extra -D options (passcom.harness.*) go in MAVEN_OPTS
# or after the seed. Results: integration-tests/target/fault-harness[-postgresql]/<time>/seed-N/{result.md,history.jsonl,*.log}.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-short}"
shift || true
# SpotBugs (the build's static check of main code) is skipped: this command runs the harness, not the checks
args=(-Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dspotbugs.skip=true)
wrap=()
# -Dit.test names the test in every failsafe execution: skip the executions the test does not belong to
case "$mode" in
  short|long) args+=(-Dit.test=FaultHarnessIT -Dpasscom.it.skip.postgresql=true -Dpasscom.it.skip.gui=true) ;;
  short-postgres|long-postgres)
    args+=(-Dit.test=FaultHarnessPostgresIT -Dpasscom.it.skip.default=true -Dpasscom.it.skip.gui=true)
    wrap=(scripts/with-postgres.sh) ;;
  *) echo "usage: $0 [short|long|short-postgres|long-postgres] [SEED] [-Dpasscom.harness.NAME=VALUE...]" >&2; exit 2 ;;
esac
[[ "$mode" == long* ]] && args+=(-Dpasscom.harness=long)
if [[ $# -gt 0 && "$1" =~ ^[0-9]+$ ]]; then
  args+=(-Dpasscom.harness.seed="$1")
  shift
fi
exec "${wrap[@]}" mvn -B -ntp -pl integration-tests -am verify "${args[@]}" "$@"
