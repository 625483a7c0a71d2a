#!/usr/bin/env bash
# Start-up of one server as the launcher starts it (its JVM options and AppCDS archive): from launch until
# GET /saude answers 200, on a fresh data directory ("first") and again on the same one ("reopen").
# Usage: benchmarks/launcher-startup.sh [NETWORK_FILE] [RUNS]   (docs/PERFORMANCE.md; past runs: docs/history/performance-issue-8.md, "Start-up")
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
network="${1:-}" runs="${2:-3}"
port=$((20000 + RANDOM % 20000))
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
now_ms() { date +%s%3N; }
one_start() {  # $1 data dir; prints ms until /saude answered
    local t0 pid ms
    t0=$(now_ms)
    PASSCOM_NO_BUILD=1 "$ROOT/passcom" server --airline A --port "$port" --data-dir "$1" ${network:+--network "$network"} \
        >"$work/server.log" 2>&1 &
    pid=$!
    until curl -fs -o /dev/null "http://127.0.0.1:$port/saude"; do
        kill -0 "$pid" 2>/dev/null || { echo "server exited; see $work/server.log" >&2; cat "$work/server.log" >&2; exit 1; }
        sleep 0.01
    done
    ms=$(($(now_ms) - t0))
    kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
    echo "$ms"
}
echo "network: ${network:-built-in default}; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$runs"); do
    rm -rf "$work/data"
    first=$(one_start "$work/data")
    reopen=$(one_start "$work/data")
    echo "run $i: first ${first} ms, reopen ${reopen} ms; server log: $(grep -o 'started in [0-9]* ms[^)]*' "$work/server.log" | tail -1)"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
