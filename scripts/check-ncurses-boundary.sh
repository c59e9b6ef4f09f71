#!/usr/bin/env bash
# Proves that the compiler keeps ncurses inside the terminal kit's backend: a file saying
# `internal import CNcurses` (as the backend says it) is added to each other product target in
# turn and that target is built; the build must fail with "no such module 'CNcurses'". As a
# control, the same file in TerminalKitNcurses must build, so a failure elsewhere is the boundary
# and not a broken probe. (The executable sees the module too, to load the backend's internal
# import; ArchitectureTests checks that its sources do not import it.) Each probe file is removed
# however the script ends; the next build of the probed targets recompiles them. Some seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

probe=""
cleanup() { if [ -n "$probe" ]; then rm -f "$probe"; fi; }
trap cleanup EXIT

build_with_probe() { # target -> prints the build's output, returns its status
    probe="Sources/$1/ZZNcursesBoundaryProbe.swift"
    printf 'internal import CNcurses\nlet ncursesBoundaryProbe = lp_lines()\n' > "$probe"
    local status=0
    swift build --target "$1" > "$probe.log" 2>&1 || status=$?
    cat "$probe.log"; rm -f "$probe.log" "$probe"; probe=""
    return $status
}

if ! build_with_probe TerminalKitNcurses > /dev/null; then
    echo "ncurses boundary: the control failed: TerminalKitNcurses cannot import CNcurses" >&2
    exit 1
fi
echo "ncurses boundary: TerminalKitNcurses imports CNcurses (control)"

failed=0
# Leaves first, LostphoneCore last: a probed module is rebuilt by the next build that needs it,
# so probing from the top down keeps every other probe to compiling its own module.
for target in lostphone-bench lostphone-fuzz BuiltinCodegen LostphoneTUI TerminalKit LostphoneCore; do
    if out=$(build_with_probe "$target"); then
        echo "ncurses boundary: $target imported CNcurses and built; it must not see ncurses" >&2
        failed=1
    elif grep -q "no such module 'CNcurses'" <<<"$out"; then
        echo "ncurses boundary: $target: no such module 'CNcurses'"
    else
        echo "ncurses boundary: $target failed to build for another reason:" >&2
        echo "$out" | tail -20 >&2
        failed=1
    fi
done
exit $failed
