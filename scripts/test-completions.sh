#!/usr/bin/env bash
# The completions as installed, completed by real shells: bash (the function `complete -p` names,
# called as bash calls it), zsh (typed in tmux, Tab pressed, the list read off the screen) and
# fish (`complete -C`). Each is asked for the top-level options, step ids, the providers of the
# step given, incident ids, theme names and files.
#
#   scripts/test-completions.sh ROOT    ROOT holds usr/bin/lostphone and usr/share/... as the
#                                       package installs them (an unpacked .deb, or /)
set -euo pipefail
root=$(readlink -f "${1:?usage: scripts/test-completions.sh ROOT (an unpacked .deb, or /)}")
for tool in bash zsh fish tmux; do
    command -v "$tool" >/dev/null 2>&1 || { echo "completion test: $tool is missing (.ci/run installs it)" >&2; exit 1; }
done
bash_file="$root/usr/share/bash-completion/completions/lostphone"
zsh_dir="$root/usr/share/zsh/vendor-completions"
fish_file="$root/usr/share/fish/vendor_completions.d/lostphone.fish"
for f in "$bash_file" "$zsh_dir/_lostphone" "$fish_file" "$root/usr/bin/lostphone"; do
    [ -s "$f" ] || { echo "completion test: $f is missing" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/lostphone-completion.XXXXXX")
asks=0
socket="$work/tmux-0"
# Each question gets a tmux server of its own, all ended on the way out.
end_all() { for s in "$work"/tmux-*; do [ -S "$s" ] && tmux -S "$s" kill-server 2>/dev/null; done; return 0; }
trap 'end_all; rm -rf "$work"' EXIT
new_socket() {
    [ -S "$socket" ] && tmux -S "$socket" kill-server 2>/dev/null
    asks=$((asks + 1))
    socket="$work/tmux-$asks"
}
# Waits (up to 30 s: a loaded machine starts a shell slowly) for the prompt $1 on the screen.
wait_prompt() {
    for _ in $(seq 1 300); do
        tmux -S "$socket" capture-pane -p 2>/dev/null | grep -q "^$1" && return 0
        sleep 0.1
    done
    echo "completion test: the shell's prompt '$1' never came:" >&2
    tmux -S "$socket" capture-pane -p >&2 || true
    return 1
}
export PATH="$root/usr/bin:/usr/bin:/bin" HOME="$work/home" XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config"
mkdir -p "$HOME" "$work/files/reports"
touch "$work/files/mine.yaml"
lostphone record sim done --provider china-mobile >/dev/null
incident=$(lostphone incidents | grep -o '[0-9]\{8\}-[0-9]\{6\}' | head -1)
[ -n "$incident" ] || { echo "completion test: no incident to complete" >&2; exit 1; }
failures=0
expect() { # shell, what, got, wanted words..., then -- and unwanted words
    local shell=$1 what=$2 got=$3; shift 3
    local word unwanted=no
    for word in "$@"; do
        if [ "$word" = "--" ]; then unwanted=yes; continue; fi
        if [ "$unwanted" = no ] && ! grep -qw -- "$word" <<< "$got"; then
            echo "completion test: $shell, $what: no '$word' in: $got" >&2; failures=$((failures + 1))
        fi
        if [ "$unwanted" = yes ] && grep -qw -- "$word" <<< "$got"; then
            echo "completion test: $shell, $what: '$word' offered in: $got" >&2; failures=$((failures + 1))
        fi
    done
}

# bash
bash_ask() {
    bash --norc --noprofile -c '
        source "$1"; shift
        spec=$(complete -p lostphone) || exit 3
        function=$(sed -n "s/.* -F \([^ ]*\) .*/\1/p" <<< "$spec")
        COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
        read -ra COMP_WORDS <<< "$COMP_LINE"
        [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        COMPREPLY=()
        "$function" lostphone "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
        printf "%s\n" "${COMPREPLY[@]}"
    ' bash "$bash_file" "$@" | tr '\n' ' '
}
cd "$work/files"
expect bash "lostphone --" "$(bash_ask "lostphone --")" --theme --state-dir --playbook --lang --incident --new --version
expect bash "commands" "$(bash_ask "lostphone ")" record export prepare guide -- key-table
expect bash "step id" "$(bash_ask "lostphone record ")" sim wechat police -- pending
expect bash "state" "$(bash_ask "lostphone record sim ")" done blocked -- wechat
expect bash "provider of sim" "$(bash_ask "lostphone record sim done --provider ")" china-mobile china-unicom -- icbc
expect bash "provider of bank" "$(bash_ask "lostphone note bank --provider ")" icbc cmb -- china-mobile
expect bash "incident" "$(bash_ask "lostphone export --incident ")" "$incident"
expect bash "theme" "$(bash_ask "lostphone --theme ")" default gruvbox-dark light
expect bash "playbook file" "$(bash_ask "lostphone --playbook ")" mine.yaml
expect bash "state folder" "$(bash_ask "lostphone --state-dir ")" reports

# fish: a real interactive fish in tmux (its `complete -C` cannot run the script's
# `commandline` calls outside an interactive shell); one Tab shows the candidates in its pager.
fish_ask() {
    new_socket
    tmux -S "$socket" -f /dev/null new-session -d -x 200 -y 50 -c "$work/files" \
        "env PATH='$PATH' HOME='$HOME' XDG_STATE_HOME='$XDG_STATE_HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' fish --no-config"
    tmux -S "$socket" send-keys -l "source '$fish_file'; function fish_prompt; echo 'ready> '; end; clear"
    tmux -S "$socket" send-keys Enter
    wait_prompt 'ready>' || return 0
    tmux -S "$socket" send-keys -l "$1"
    tmux -S "$socket" send-keys Tab
    sleep 1.5
    tmux -S "$socket" capture-pane -p -J | tr '\n' ' '
}
expect fish "lostphone --" "$(fish_ask "lostphone --")" --theme --state-dir --playbook --lang --incident --new --version
expect fish "step id" "$(fish_ask "lostphone record ")" sim wechat police -- pending blocked
expect fish "state" "$(fish_ask "lostphone record sim ")" done blocked -- wechat
expect fish "provider of sim" "$(fish_ask "lostphone record sim done --provider ")" china-mobile china-unicom -- icbc
expect fish "incident" "$(fish_ask "lostphone export --incident ")" "$incident"
expect fish "theme" "$(fish_ask "lostphone --theme ")" default gruvbox-dark
expect fish "playbook file" "$(fish_ask "lostphone --playbook ")" mine.yaml

# zsh: a real interactive zsh in tmux; Tab twice (the first may only insert a common prefix).
cat > "$work/zshrc" <<EOF
PS1='%% '
fpath=("$zsh_dir" \$fpath)
autoload -Uz compinit && compinit -u -d "$work/zcompdump"
zstyle ':completion:*' list-separator '  '
EOF
zsh_ask() {
    new_socket
    tmux -S "$socket" -f /dev/null new-session -d -x 200 -y 50 -c "$work/files" \
        "env ZDOTDIR=$work PATH='$PATH' HOME='$HOME' XDG_STATE_HOME='$XDG_STATE_HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' zsh -d -i"
    wait_prompt '%' || return 0
    tmux -S "$socket" send-keys -l "$1"
    tmux -S "$socket" send-keys Tab
    sleep 1
    tmux -S "$socket" send-keys Tab
    sleep 1
    tmux -S "$socket" capture-pane -p -J | tr '\n' ' '
}
cp "$work/zshrc" "$work/.zshrc"
expect zsh "lostphone --" "$(zsh_ask "lostphone --")" --theme --state-dir --playbook --new --version
expect zsh "step id" "$(zsh_ask "lostphone record ")" sim wechat police
expect zsh "provider of sim" "$(zsh_ask "lostphone record sim done --provider ")" china-mobile china-unicom -- icbc
expect zsh "incident" "$(zsh_ask "lostphone export --incident ")" "$incident"
expect zsh "theme" "$(zsh_ask "lostphone --theme ")" default gruvbox-dark

if [ "$failures" -gt 0 ]; then echo "completion test: $failures failure(s)" >&2; exit 1; fi
echo "completion test: bash, zsh and fish complete options, steps, providers, incidents, themes and files"
