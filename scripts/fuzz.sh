#!/usr/bin/env bash
# Mutation fuzzing of the playbook, theme, journal and profile parsers and the key decoder
# (Sources/lostphone-fuzz).
#
#   scripts/fuzz.sh [seconds]      # seconds per target, default 60
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

echo
for line in "${summary[@]}"; do echo "fuzz: $line"; done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: not clean: ${failed[*]} (inputs in fuzz-out/; replay with the command printed above)" >&2
    exit 1
fi
echo "fuzz: all targets clean"
