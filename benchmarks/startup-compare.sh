#!/usr/bin/env bash
# Start-up of builds or JVMs side by side: launch -> first 200 on GET /saude, alternating the variants round by
# round so that each sees the same machine, on a fresh data directory ("first") and again on the same one
# ("reopen"); with --federation, launch of ./passcom -> all three airlines answering instead.
#
# Usage: benchmarks/startup-compare.sh [--runs N] [--network FILE] [--federation] VARIANT...
#   VARIANT  LABEL=ROOT[:JAVA_HOME[:JVM_OPTS]]   ROOT: a checkout whose jars are built (its ./passcom starts the
#            server, with its own JVM options and class-data archive); JAVA_HOME: the JDK (default: java on the
#            PATH); JVM_OPTS: extra options, as PASSCOM_JAVA_OPTS
#   e.g. benchmarks/startup-compare.sh --runs 7 before=/tmp/old now=. now-25=.:/usr/lib/jvm/temurin-25-jdk-amd64
# Each variant starts once unmeasured first ("prepare": it makes or records a missing class-data archive or AOT cache, as a
# user's first ./passcom does); its time is printed. Prints each variant's p50 and max, and p50 ratios against the
# first variant, with the load average before and after (docs/PERFORMANCE.md, "Start-up").
set -euo pipefail
runs=5 network="" federation=false variants=()
while (($# > 0)); do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --network) network="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
        --federation) federation=true; shift ;;
        -h | --help) sed -n '2,14p' "$0"; exit 0 ;;
        *=*) variants+=("$1"); shift ;;
        *) echo "startup-compare: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
((${#variants[@]} > 0)) || { echo "startup-compare: give at least one LABEL=ROOT variant (see --help)" >&2; exit 2; }
work="$(mktemp -d)"
pid=""
cleanup() {
    if [[ -n "$pid" ]]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
now_ms() { date +%s%3N; }
answers() { curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$1/saude"; }
# CPU ms (user + system) spent so far by process $1 and its descendants: the launcher's shells, sed and the JVMs.
# Less moved by other work on the machine than the wall time, so it is printed beside it.
tick=$(getconf CLK_TCK)
cpu_ticks() {
    local p sum=0 kids
    for p in "$@"; do
        [[ -r "/proc/$p/stat" ]] || continue
        sum=$((sum + $(awk '{sub(/.*\) /, ""); print $12 + $13}' "/proc/$p/stat")))
        kids="$(cat /proc/"$p"/task/*/children 2>/dev/null || true)"
        # shellcheck disable=SC2086 # a list of pids
        [[ -n "${kids// /}" ]] && sum=$((sum + $(cpu_ticks $kids)))
    done
    echo "$sum"
}
cpu_ms() { echo $(($(cpu_ticks "$1") * 1000 / tick)); }

# One start of variant $1 on data dir $2; prints the ms from launch until every server answers /saude, and the CPU ms
# its processes used until then ("1834 2410").
one_start() {
    local spec="$1" dir="$2" label root java_home opts t0 port ms ports=() p deadline
    label="${spec%%=*}"
    IFS=: read -r root java_home opts <<<"${spec#*=}"
    root="$(cd "$root" && pwd)"
    port=$((20000 + RANDOM % 30000))
    t0=$(now_ms)
    if [[ "$federation" == true ]]; then
        ports=("$port" $((port + 1)) $((port + 2)))
        PASSCOM_NO_BUILD=1 PASSCOM_CLIENT=0 CI=true PASSCOM_BASE_PORT="$port" PASSCOM_DATA_ROOT="$dir" PASSCOM_RESTART=0 \
            JAVA_HOME="$java_home" PASSCOM_JAVA_OPTS="$opts" "$root/passcom" ${network:+--network "$network"} >"$work/$label.log" 2>&1 &
    else
        ports=("$port")
        PASSCOM_NO_BUILD=1 JAVA_HOME="$java_home" PASSCOM_JAVA_OPTS="$opts" "$root/passcom" server --airline A --port "$port" \
            --metrics-port off --data-dir "$dir" ${network:+--network "$network"} >"$work/$label.log" 2>&1 &
    fi
    pid=$!
    deadline=$((SECONDS + 60))
    for p in "${ports[@]}"; do
        until answers "$p"; do
            if ! kill -0 "$pid" 2>/dev/null || ((SECONDS > deadline)); then
                echo "startup-compare: $label did not answer on $p; its log:" >&2
                cat "$work/$label.log" >&2
                exit 1
            fi
            sleep 0.01
        done
    done
    ms=$(($(now_ms) - t0))
    ms="$ms $(cpu_ms "$pid")"
    kill -TERM "$pid"
    wait "$pid" 2>/dev/null || true
    pid=""
    echo "$ms"
}

# p50 and max of the numbers given (the lower middle of an even count).
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "%d %d", a[int((NR+1)/2)], a[NR]}'; }

what="one server"; [[ "$federation" == true ]] && what="./passcom (A, B, C)"
echo "start-up, $what, ${network:-built-in default network}, $runs rounds; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A first reopen first_cpu reopen_cpu
for v in "${variants[@]}"; do
    label="${v%%=*}"
    rm -rf "$work/data"
    read -r ms cpu <<<"$(one_start "$v" "$work/data")"
    echo "  prepare $label: $ms ms, CPU $cpu ms (makes a missing archive first; not counted)"
    first[$label]="" reopen[$label]="" first_cpu[$label]="" reopen_cpu[$label]=""
done
for round in $(seq "$runs"); do
    line="  round $round:"
    for v in "${variants[@]}"; do
        label="${v%%=*}"
        rm -rf "$work/data"
        read -r f fc <<<"$(one_start "$v" "$work/data")"
        read -r r rc <<<"$(one_start "$v" "$work/data")"
        first[$label]+=" $f" reopen[$label]+=" $r" first_cpu[$label]+=" $fc" reopen_cpu[$label]+=" $rc"
        line+=" $label $f/$r ($fc/$rc)"
    done
    echo "$line ms first/reopen (CPU); load $(cut -d' ' -f1 /proc/loadavg)"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wall: launch -> answering; CPU: user + system of the launcher and its JVMs until then; ratios of the p50s to the first variant"
printf '| variant | first p50 | first max | first CPU p50 | reopen p50 | reopen max | reopen CPU p50 | ratio first | ratio reopen | ratio CPU reopen |\n'
printf '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
base_f="" base_r="" base_rc=""
for v in "${variants[@]}"; do
    label="${v%%=*}"
    # shellcheck disable=SC2086 # word lists
    read -r fp fm <<<"$(stats ${first[$label]})"
    # shellcheck disable=SC2086
    read -r rp rm_ <<<"$(stats ${reopen[$label]})"
    # shellcheck disable=SC2086
    read -r fcp _ <<<"$(stats ${first_cpu[$label]})"
    # shellcheck disable=SC2086
    read -r rcp _ <<<"$(stats ${reopen_cpu[$label]})"
    [[ -z "$base_f" ]] && base_f=$fp base_r=$rp base_rc=$rcp
    printf '| %s | %d ms | %d ms | %d ms | %d ms | %d ms | %d ms | %s | %s | %s |\n' "$label" "$fp" "$fm" "$fcp" "$rp" "$rm_" "$rcp" \
        "$(ratio "$fp" "$base_f")" "$(ratio "$rp" "$base_r")" "$(ratio "$rcp" "$base_rc")"
done
