#!/usr/bin/env bash
# Before and after in one run: the load driver (passcom.bench.load.LoadDriver) runs the same scenarios against
# the federation of two builds, alternating them round after round, so both see the same machine, and prints
# each scenario's figures per build and the ratios (new / old) of the medians over the rounds.
#
#   scripts/bench-compare.sh OLD_CHECKOUT [NEW_CHECKOUT] [--rounds N] [--old-flag F]... [--new-flag F]...
#                            [--old-env VAR=VALUE]... [--new-env VAR=VALUE]... [driver flags...]
#
# --old-flag/--new-flag add a driver flag to one side only: `scripts/bench-compare.sh . . --new-flag --tls` compares
# one build with TLS off (old) and on (new). --old-env/--new-env set an environment variable for one side's
# launcher and servers: `scripts/bench-compare.sh . . --new-env PASSCOM_JAVA_OPTS=-XX:TieredStopAtLevel=4`
# compares C1 (the launcher's default) with C2.
# A checkout is a folder with the launcher (passcom) and its jars already built (server-webapp/target/
# passcom-server.jar), e.g. `git worktree add /tmp/old <commit> && (cd /tmp/old && mvn -q -DskipTests package)`.
# NEW_CHECKOUT defaults to this one; its benchmarks jar drives both. Driver flags default to
# --scenario route-default,purchase-3airline --clients 32 --duration 10. Each run's tables go to
# OUT_DIR (default a temp folder) as old-ROUND.txt / new-ROUND.txt; the load average is printed beside each run.
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 2; }
(($# >= 1)) || usage
old="$(cd "$1" && pwd)"; shift
new="$(cd "$(dirname "$0")/.." && pwd)"
if (($# >= 1)) && [[ "$1" != --* ]]; then new="$(cd "$1" && pwd)"; shift; fi
rounds=3
driver_flags=()
old_flags=()
new_flags=()
old_env=()
new_env=()
while (($# > 0)); do
    case "$1" in
        --rounds) rounds="$2"; shift 2 ;;
        --old-flag) old_flags+=("$2"); shift 2 ;;
        --new-flag) new_flags+=("$2"); shift 2 ;;
        --old-env) old_env+=("$2"); shift 2 ;;
        --new-env) new_env+=("$2"); shift 2 ;;
        *) driver_flags+=("$1"); shift ;;
    esac
done
((${#driver_flags[@]} > 0)) || driver_flags=(--scenario "route-default,purchase-3airline" --clients 32 --duration 10)

for checkout in "$old" "$new"; do
    [[ -x "$checkout/passcom" && -f "$checkout/server-webapp/target/passcom-server.jar" ]] \
        || { echo "bench-compare: $checkout has no launcher or no built server jar" >&2; exit 2; }
done
bench_jar="$new/benchmarks/target/benchmarks.jar"
[[ -f "$bench_jar" ]] || (cd "$new" && mvn -q -B -DskipTests -pl benchmarks -am package)
out_dir="${OUT_DIR:-$(mktemp -d)}"
mkdir -p "$out_dir"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

echo "bench-compare: old=$old ${old_flags[*]} ${old_env[*]} new=$new ${new_flags[*]} ${new_env[*]} rounds=$rounds flags=${driver_flags[*]} -> $out_dir"
for ((round = 1; round <= rounds; round++)); do
    for build in old new; do
        checkout="$old"; side_flags=(${old_flags[@]+"${old_flags[@]}"}); side_env=(${old_env[@]+"${old_env[@]}"})
        if [[ "$build" == new ]]; then
            checkout="$new"; side_flags=(${new_flags[@]+"${new_flags[@]}"}); side_env=(${new_env[@]+"${new_env[@]}"})
        fi
        echo "round $round, $build: load average before $(cut -d' ' -f1-3 /proc/loadavg)"
        env PASSCOM_NO_BUILD=1 ${side_env[@]+"${side_env[@]}"} "$java" -XX:+UseSerialGC -Xmx512m -cp "$bench_jar" passcom.bench.load.LoadDriver \
            --launcher "$checkout/passcom" --out "$out_dir/$build-$round.md" --command "bench-compare $build" \
            "${driver_flags[@]}" ${side_flags[@]+"${side_flags[@]}"} > "$out_dir/$build-$round.txt"
        echo "round $round, $build: load average after  $(cut -d' ' -f1-3 /proc/loadavg)"
    done
done

# Each table row: clients req/s p50 p95 p99 max p99raw cpu ...; rows follow a "== title (setup)" line.
summary() {
    awk -v build="$1" '
        /^== / { title = substr($0, 4); sub(/ \(.*$/, "", title); next }
        title != "" && $1 ~ /^[0-9]+$/ && NF >= 8 { print build "\t" title "\t" $1 "\t" $2 "\t" $5 "\t" $8 }
    ' "${@:2}"
}
{
    summary old "$out_dir"/old-*.txt
    summary new "$out_dir"/new-*.txt
} > "$out_dir/rows.tsv"

echo
printf '%-48s %7s | %9s %9s %6s | %8s %8s %6s | %8s %8s %6s\n' scenario clients "old req/s" "new req/s" ratio \
    "old p99" "new p99" ratio "old CPU" "new CPU" ratio
awk -F'\t' '
    function median(list,   n, a, i, j, t) {
        n = split(list, a, " ")
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    { key = $2 "\t" $3; keys[key] = 1; rate[$1, key] = rate[$1, key] " " $4; p99[$1, key] = p99[$1, key] " " $5; cpu[$1, key] = cpu[$1, key] " " $6 }
    END {
        for (key in keys) {
            split(key, k, "\t")
            ro = median(rate["old", key]); rn = median(rate["new", key])
            po = median(p99["old", key]); pn = median(p99["new", key])
            co = median(cpu["old", key]); cn = median(cpu["new", key])
            printf "%-48s %7s | %9.0f %9.0f %5.2fx | %8.2f %8.2f %5.2fx | %8.3f %8.3f %5.2fx\n", k[1], k[2], ro, rn, ro ? rn / ro : 0,
                po, pn, po ? pn / po : 0, co, cn, co ? cn / co : 0
        }
    }' "$out_dir/rows.tsv" | sort
echo "(medians over $rounds rounds; ratios are new / old; CPU is server CPU ms per request summed over the servers)"
