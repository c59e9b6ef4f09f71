#!/usr/bin/env bash
# Fuzzing of the playbook, theme, journal and profile parsers and the key decoder
# (Sources/lostphone-fuzz), by mutation or coverage-guided with libFuzzer.
#
#   scripts/fuzz.sh [seconds]              # mutation fuzzing, seconds per target, default 60
#   scripts/fuzz.sh --libfuzzer [seconds]  # libFuzzer with the address sanitizer, default 60
#
# --libfuzzer builds lostphone-fuzz (debug) with `-sanitize=fuzzer,address -DLIBFUZZER` in the
# scratch path .build-fuzz (FUZZ_SCRATCH; the mutation build there is a release one) and runs
# libFuzzer on each target from its seeds, keeping the corpus in FUZZ_CORPUS/<target> (default
# fuzz-corpus/, which grows run by run); it prints each target's executions, corpus size and
# coverage (libFuzzer's `cov`: instrumented edges reached). A crash, a memory error the address
# sanitizer finds, a timeout or a broken rule leaves the input in fuzz-out/<target>-crash-…
# (libFuzzer's artifact) and the script exits non-zero.
#
# Environment: FUZZ_SCRATCH, the SwiftPM scratch folder (default .build-fuzz, apart from the
# everyday .build); FUZZ_SEED, the run's seed (default 1: the same inputs every run; another
# seed explores others).
#
# A target that crashes, hangs or breaks an invariant leaves its input in fuzz-out/crash-<n>.bin
# (with crash-<n>.txt for invariants) and a replay command; the script still runs the other
# targets, then exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."

# Prints each target's line and exits: non-zero when a target failed ($1: where its inputs are).
finish() {
    echo
    for line in "${summary[@]}"; do echo "fuzz: $line"; done
    if [ ${#failed[@]} -gt 0 ]; then
        echo "fuzz: not clean: ${failed[*]} ($1)" >&2
        exit 1
    fi
    echo "fuzz: all targets clean"
    exit 0
}

if [ "${1:-}" = "--libfuzzer" ]; then
    seconds="${2:-60}"
    if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
        echo "usage: scripts/fuzz.sh --libfuzzer [whole seconds per target, default 60]" >&2
        exit 2
    fi
    scratch="${FUZZ_SCRATCH:-.build-fuzz}"
    echo "fuzz: building lostphone-fuzz with libFuzzer and the address sanitizer (scratch path $scratch)"
    # lld: the default gold linker stops with an internal error (format_file_lineno) on this
    # link; the toolchain ships lld.
    build=(swift build --scratch-path "$scratch" --product lostphone-fuzz
           -Xswiftc -sanitize=fuzzer,address -Xswiftc -DLIBFUZZER -Xswiftc -use-ld=lld)
    "${build[@]}"
    fuzzer="$("${build[@]}" --show-bin-path)/lostphone-fuzz"
    work="$(mktemp -d "${TMPDIR:-/tmp}/lostphone-fuzz.XXXXXX")"
    trap 'rm -rf "$work"' EXIT
    mkdir -p fuzz-out
    failed=()
    summary=()
    for target in keys journal playbook theme profile; do
        corpus="${FUZZ_CORPUS:-fuzz-corpus}/$target"
        mkdir -p "$corpus"
        echo "fuzz: libFuzzer on $target for $seconds s (corpus $corpus)"
        status=0
        # Swift's runtime keeps some allocations to the end on purpose: leaks are not findings.
        ASAN_OPTIONS=detect_leaks=0 TMPDIR="$work" "$fuzzer" --libfuzzer "$target" --seeds "$work/seeds-$target" \
            "$corpus" "$work/seeds-$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 \
            -print_final_stats=1 -artifact_prefix="fuzz-out/$target-" > "$work/$target.log" 2>&1 || status=$?
        execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$target.log" | tail -1)
        cov=$(grep -Eo 'cov: [0-9]+' "$work/$target.log" | tail -1 | grep -Eo '[0-9]+' || true)
        files=$(find "$corpus" -type f | wc -l)
        if [ "$status" -eq 0 ]; then
            summary+=("$target: clean, ${execs:-?} executions, corpus $files files, coverage ${cov:-?} edges")
        else
            tail -30 "$work/$target.log" >&2
            summary+=("$target: FAILED (status $status) after ${execs:-?} executions; see fuzz-out/")
            failed+=("$target")
        fi
    done
    finish "inputs in fuzz-out/"
fi

seconds="${1:-60}"
scratch="${FUZZ_SCRATCH:-.build-fuzz}"
seed="${FUZZ_SEED:-1}"
if ! [[ "$seconds" =~ ^[0-9]+([.][0-9]+)?$ ]] || [[ "$seconds" =~ ^0+([.]0*)?$ ]]; then
    echo "usage: scripts/fuzz.sh [seconds per target, default 60]" >&2
    exit 2
fi
if ! [[ "$seed" =~ ^[0-9]+$ ]]; then
    echo "fuzz: FUZZ_SEED must be a whole number, not '$seed'" >&2
    exit 2
fi

echo "fuzz: building lostphone-fuzz (release, scratch path $scratch)"
swift build -c release --scratch-path "$scratch" --product lostphone-fuzz
fuzzer="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/lostphone-fuzz"

# The fuzzer's journals go to a folder of our own, removed even when a crash leaves files behind.
work="$(mktemp -d "${TMPDIR:-/tmp}/lostphone-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT

failed=()
summary=()
for target in playbook theme journal keys; do
    echo "fuzz: $target for $seconds s (seed $seed)"
    start=$(date +%s.%N)
    status=0
    TMPDIR="$work" "$fuzzer" --target "$target" --seconds "$seconds" --seed "$seed" || status=$?
    elapsed=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
    if [ "$status" -eq 0 ]; then
        summary+=("$target: ran clean for $elapsed s")
    else
        if [ "$status" -gt 128 ]; then
            why="crashed (signal $(kill -l $((status - 128)) 2>/dev/null || echo $((status - 128))))"
        elif [ "$status" -eq 3 ]; then
            why="hung on one input"
        elif [ "$status" -eq 1 ]; then
            why="broke an invariant"
        else
            why="failed with status $status"
        fi
        summary+=("$target: $why in a $elapsed s run; see fuzz-out/")
        failed+=("$target")
    fi
done

finish "inputs in fuzz-out/; replay with the command printed above"
