#!/bin/sh
# The README's picture: the real binary in a real xterm (DejaVu Sans Mono, 100×24, 256 colours)
# under Xvfb, a few minutes into an incident, saved as docs/screenshot.png.
# Needs Debian's xvfb, xterm, xdotool, x11-apps, x11-utils and netpbm; builds nothing (run swift
# build first).
set -eu
cd "$(dirname "$0")/.."
bin=${LOSTPHONE_BIN:-.build/debug/lostphone}
out=${1:-docs/screenshot.png}
for tool in Xvfb xterm xdotool xwd xwininfo xwdtopnm pnmtopng; do
    command -v "$tool" >/dev/null 2>&1 || { echo "screenshot.sh: $tool is missing (apt-get install xvfb xterm xdotool x11-apps x11-utils netpbm)" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/state/lostphone" "$work/config"
now=$(date -u +%s)
stamp() { date -u -d "@$(( now - $1 ))" +%Y-%m-%dT%H:%M:%S.000+00:00; }
cat > "$work/state/lostphone/20261126-203000.jsonl" <<JOURNAL
{"at":"$(stamp 900)","kind":"opened","playbook":"cn-mainland","playbookVersion":1,"seq":1}
{"at":"$(stamp 880)","deviceModel":"iPhone 12","kind":"details","lostAt":"$(stamp 1500)","seq":2}
{"at":"$(stamp 700)","from":"pending","kind":"move","provider":"china-mobile","seq":3,"step":"sim","to":"done"}
{"at":"$(stamp 600)","from":"pending","kind":"move","provider":"icbc","seq":4,"step":"bank","to":"inProgress"}
{"at":"$(stamp 400)","from":"pending","kind":"move","seq":5,"step":"wechat","to":"blocked"}
JOURNAL

display=:$(( 90 + $$ % 9 ))
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
DISPLAY=$display XDG_STATE_HOME=$work/state XDG_CONFIG_HOME=$work/config LANG=C.UTF-8 TZ=UTC \
    xterm -geometry 100x24+0+0 -fa "DejaVu Sans Mono" -fs 11 -bg black -fg grey90 -tn xterm-256color \
    -title lostphone -e "$bin" --lang en &
sleep 3
# Down twice: the blocked WeChat step, as in the text capture.
DISPLAY=$display xdotool search --name lostphone windowfocus --sync key Down Down
sleep 1
DISPLAY=$display xwd -root -silent > "$work/screen.xwd"
xwdtopnm "$work/screen.xwd" 2>/dev/null > "$work/screen.pnm"
# The xterm window sits at the top-left corner; cut the screen to it.
size=$(DISPLAY=$display xwininfo -root -tree | awk '/"lostphone"/ { print $(NF-1) }' | head -1)
pnmcut -left 0 -top 0 -width "${size%%x*}" -height "$(echo "${size#*x}" | cut -d+ -f1)" "$work/screen.pnm" | pnmtopng > "$out"
echo "wrote $out" >&2
