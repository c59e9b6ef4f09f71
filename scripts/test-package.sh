#!/usr/bin/env bash
# The package on a bare system: a minimal Debian root (debootstrap --variant=minbase, no Swift
# anywhere in it), the .deb installed there with apt-get (which brings its Depends), and in it
# `lostphone --version`, `-V`, `guide`, `record`, `export`, the full screen in tmux, `man
# lostphone`, and the bash, zsh and fish completions as installed by the package.
#
#   scripts/test-package.sh DEB    (as root; .ci/run runs it after scripts/release.sh)
#
# Environment: LOSTPHONE_ROOT_CACHE, a tarball of the debootstrap root to reuse between local
# runs (made if missing; keep it outside the repository). CI leaves it unset and starts fresh.
# LOSTPHONE_MIRROR, the Debian mirror (default: the first one apt is configured with here).
set -euo pipefail
cd "$(dirname "$0")/.."

deb=${1:?usage: scripts/test-package.sh dist/lostphone_VERSION_ARCH.deb}
deb=$(readlink -f "$deb")
if [ "$(id -u)" -ne 0 ]; then
    echo "package test: skipped: debootstrap and chroot need root (run as root to test the package on a bare system)"
    exit 0
fi
for tool in debootstrap tmux zsh fish; do
    command -v "$tool" >/dev/null 2>&1 || { echo "package test: $tool is missing (.ci/run installs it)" >&2; exit 1; }
done
started=$(date +%s.%N)
step() { echo "package test: $* ($(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s)"; }
fail() { echo "package test: FAILED: $*" >&2; exit 1; }

# The mirror apt uses here (deb822 .sources or one-line lists), and this system's release.
mirror=${LOSTPHONE_MIRROR:-$(
    { grep -h '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{ print $2 }'
      grep -h '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '{ for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; break } }'
    } | grep -v -e security -e '^$' | head -1 || true)}
[ -n "$mirror" ] || fail "no Debian mirror in /etc/apt/sources.list(.d); set LOSTPHONE_MIRROR"
suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")

work=$(mktemp -d "${TMPDIR:-/tmp}/lostphone-package.XXXXXX")
root="$work/root"
tmux_socket="$work/tmux"
cleanup() {
    tmux -S "$tmux_socket" kill-server 2>/dev/null || true
    for m in dev/pts proc; do mountpoint -q "$root/$m" 2>/dev/null && umount -l "$root/$m"; done
    rm -rf "$work"
}
trap cleanup EXIT

cache=${LOSTPHONE_ROOT_CACHE:-}
if [ -n "$cache" ] && [ -s "$cache" ]; then
    mkdir "$root"
    tar -C "$root" -xzf "$cache"
    step "the $suite root from $cache"
else
    step "debootstrap --variant=minbase $suite from $mirror"
    debootstrap --variant=minbase "$suite" "$root" "$mirror" > "$work/debootstrap.log" 2>&1 \
        || { tail -20 "$work/debootstrap.log" >&2; fail "debootstrap"; }
    rm -rf "$root/var/cache/apt/archives/"*.deb
    if [ -n "$cache" ]; then tar -C "$root" -czf "$cache" . && step "cached the root in $cache"; fi
    step "debootstrap done"
fi

mount -t proc proc "$root/proc"
mkdir -p "$root/dev/pts"
mount -t devpts -o newinstance,ptmxmode=0666 devpts "$root/dev/pts"
cp /etc/resolv.conf "$root/etc/resolv.conf"
in_root() { chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 TERM=xterm-256color "$@"; }

# Nothing of Swift before, so nothing of it can be borrowed by the binary: no runtime, Foundation,
# Dispatch or ICU library of the toolchain's, no compiler, no module. (Not a name match on
# "swift": tzdata has America/Swift_Current.)
swift_in_root() {
    find "$root" -xdev \( -iname 'libswift*' -o -iname 'libFoundation*' -o -iname 'lib_Foundation*' \
        -o -iname 'libdispatch*' -o -iname 'libBlocksRuntime*' -o -name '*.swiftmodule' -o -name 'swift' \
        -o -name 'swiftc' -o -name 'swift-*' -o -path '*/lib/swift*' \) -print | head -5
}
[ -z "$(swift_in_root)" ] || fail "the bare root already has Swift in it: $(swift_in_root)"

cp "$deb" "$root/tmp/"
in_root apt-get update -qq > "$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; fail "apt-get update in the root"; }
# man-db only for the `man lostphone` check, bash-completion for `complete -p` as a person has it.
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "/tmp/$(basename "$deb")" man-db bash-completion >> "$work/apt.log" 2>&1 \
    || { tail -30 "$work/apt.log" >&2; fail "apt-get install ./$(basename "$deb") in the root"; }
step "installed $(basename "$deb") with its Depends, man-db and bash-completion"
[ -z "$(swift_in_root)" ] || fail "Swift in the root after the install: $(swift_in_root)"
in_root ldd /usr/bin/lostphone | grep -i -E 'swift|not found' && fail "the installed binary wants the libraries above"

version=$(in_root lostphone --version)
[ "$(in_root lostphone -V)" = "$version" ] || fail "-V does not print what --version does ($version)"
echo "$version" | grep -q '^lostphone [0-9]' || fail "--version printed '$version'"
status=0; in_root lostphone frob > "$work/frob.out" 2>&1 || status=$?
[ "$status" -eq 64 ] && grep -q "unknown command 'frob'" "$work/frob.out" || fail "lostphone frob: status $status, $(cat "$work/frob.out")"

in_root lostphone guide > "$work/guide.txt" || fail "lostphone guide"
grep -q 'sim' "$work/guide.txt" || fail "lostphone guide printed no step"
# Dates in the bare root: the journal's times carry the zone's offset.
in_root env TZ=Asia/Shanghai lostphone record sim done --provider china-mobile --note "ref 12345" \
    || fail "lostphone record"
in_root env TZ=Asia/Shanghai lostphone export --format txt -o - > "$work/report.txt" || fail "lostphone export"
grep -q 'ref 12345' "$work/report.txt" || fail "the report lacks the note recorded"
grep -q '+08:00\|+0800\|UTC+8\|GMT+8' "$work/report.txt" || { cat "$work/report.txt" >&2; fail "the report shows no +08:00 time for TZ=Asia/Shanghai"; }
in_root lostphone export --format json -o /tmp/report.json || fail "lostphone export --format json"
step "--version, -V, an unknown command, guide, record and export ran"

# The full screen, in a tmux on the host whose pane runs the binary inside the root.
tmux -S "$tmux_socket" -f /dev/null new-session -d -x 100 -y 30 \
    "chroot '$root' /usr/bin/env -i HOME=/root PATH=/usr/bin:/bin LANG=C.UTF-8 TERM=xterm-256color TZ=Asia/Shanghai lostphone; sleep 30"
screen=""
for _ in $(seq 1 100); do
    screen=$(tmux -S "$tmux_socket" capture-pane -p 2>/dev/null || true)
    echo "$screen" | grep -q 'Urgent freezes\|紧急' && break
    sleep 0.1
done
echo "$screen" | grep -q 'Urgent freezes\|紧急' || { echo "$screen" >&2; fail "the full screen did not show the guide"; }
tmux -S "$tmux_socket" send-keys q
for _ in $(seq 1 100); do
    screen=$(tmux -S "$tmux_socket" capture-pane -p 2>/dev/null || true)
    echo "$screen" | grep -q 'saved in\|保存在\|Saved in' && break
    sleep 0.1
done
echo "$screen" | grep -qi 'saved' || { echo "$screen" >&2; fail "q did not end the full screen with the saved message"; }
step "the full screen started in tmux and quit"

in_root man -P cat lostphone > "$work/man.txt" 2>"$work/man.err" || { cat "$work/man.err" >&2; fail "man lostphone"; }
for section in SYNOPSIS KEYS EXAMPLES ENVIRONMENT FILES "EXIT STATUS"; do
    grep -q "^$section" "$work/man.txt" || fail "man lostphone has no $section"
done
step "man lostphone found the page"

# Completions as installed: bash (through bash-completion, the way a login shell loads it), then
# zsh and fish on the host from the files the package installed.
bash_out=$(in_root bash -c '
    source /usr/share/bash-completion/bash_completion
    _comp_load lostphone 2>/dev/null || __load_completion lostphone
    complete -p lostphone >/dev/null || exit 3
    ask() { COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; read -ra COMP_WORDS <<< "$*"; [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("");
            COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _lostphone lostphone "${COMP_WORDS[-1]}" "${COMP_WORDS[-2]}"; echo "${COMPREPLY[*]}"; }
    echo "top: $(ask "lostphone --")"
    echo "step: $(ask "lostphone record ")"
    echo "provider: $(ask "lostphone record sim done --provider ")"
    echo "incident: $(ask "lostphone export --incident ")"
    echo "theme: $(ask "lostphone --theme ")"
') || fail "bash completion from the package did not load"
echo "$bash_out" | grep -q '^top: .*--theme' || fail "bash: lostphone --<Tab> offers no --theme: $bash_out"
echo "$bash_out" | grep -q '^step: .*wechat' || fail "bash: no step ids: $bash_out"
echo "$bash_out" | grep -q '^provider: .*china-mobile' || fail "bash: no providers of sim: $bash_out"
echo "$bash_out" | grep -q '^provider: .*icbc' && fail "bash: a bank offered as a provider of sim: $bash_out"
echo "$bash_out" | grep -q '^incident: [0-9]' || fail "bash: no incident ids: $bash_out"
echo "$bash_out" | grep -q '^theme: .*gruvbox-dark' || fail "bash: no theme names: $bash_out"
step "bash completion in the root"
