#!/bin/sh
# The manual page, generated from the command-line parser by swift-argument-parser's
# generate-manual plugin, with the sections a parser cannot know (KEYS, EXAMPLES, ENVIRONMENT,
# FILES, the exit statuses) from docs/lostphone.1.sections. KEYS is printed by the binary itself
# (`lostphone key-table --format man`) from the table it dispatches on, so it cannot drift.
#
# Environment: LOSTPHONE_BIN, the binary whose key table goes in (default: the debug build,
# built first); scripts/release.sh passes the release binary.
#
#   scripts/man.sh                 writes ./lostphone.1   (read it: man ./lostphone.1)
#   scripts/man.sh FILE            writes FILE
#   scripts/man.sh --install [PREFIX]
#                                  installs PREFIX/share/man/man1/lostphone.1 (PREFIX: /usr/local)
set -eu
cd "$(dirname "$0")/.."

install=no
if [ "${1:-}" = "--install" ]; then install=yes; shift; fi
prefix=${1:-/usr/local}

bin=${LOSTPHONE_BIN:-}
if [ -z "$bin" ]; then
    swift build --product lostphone >&2
    bin="$(swift build --show-bin-path)/lostphone"
fi
swift package plugin generate-manual --configuration debug >&2
generated=.build/plugins/GenerateManual/outputs/lostphone/lostphone.1
[ -s "$generated" ] || { echo "man.sh: the plugin wrote no $generated" >&2; exit 1; }

page=$(mktemp)
keys=$(mktemp)
sections=$(mktemp)
trap 'rm -f "$page" "$keys" "$sections"' EXIT
"$bin" key-table --format man > "$keys"
[ -s "$keys" ] || { echo "man.sh: $bin key-table printed nothing" >&2; exit 1; }
awk -v table="$keys" '
    $0 == "@KEYS@" { while ((getline line < table) > 0) print line; next }
    { print }
' docs/lostphone.1.sections > "$sections"

# The commands people are shown (`lostphone --help`): a hidden one (key-table, for this script)
# is left out of the page, as it is out of the help.
shown=$("$bin" --help | sed -n '/^SUBCOMMANDS:/,$p' | awk '/^  [a-z]/ { print $1 }' | tr '\n' ' ')
[ -n "$shown" ] || { echo "man.sh: $bin --help lists no subcommand" >&2; exit 1; }

# The generated page ends with an EXIT STATUS section of one line (.Ex -std); ours replaces it.
# Its SYNOPSIS asks for a subcommand, which the full screen does not need: it becomes optional.
awk -v extra="$sections" -v shown=" $shown help " '
    /^\.Sh SYNOPSIS/ { synopsis = 1 }
    # Before DESCRIPTION: the full screen, which needs no subcommand, with its own options.
    synopsis && /^\.Sh / && !/SYNOPSIS/ {
        print ".Pp"; print ".Nm"
        print ".Op Fl -new"; print ".Op Fl -incident Ar id"; print ".Op Fl -lang Ar zh|en"
        print ".Op Fl -theme Ar name|file"; print ".Op Fl -state-dir Ar dir"; print ".Op Fl -playbook Ar file"
        print ".Pp"; print ".Nm"; print ".Ar command"; print ".Op Ar options"
        print ".Pp"; print ".Nm"; print ".Fl V | -version | h | -help"
        synopsis = 0
    }
    synopsis && /^\.Ar subcommand$/ && !optional { print ".Op Ar subcommand"; next }
    synopsis && /^\.Oo$/ { optional = 1 }
    # A subcommand not in --help (hidden) is dropped with its options, up to the next one.
    /^\.It Em [a-z-]+$/ && !synopsis { hidden = index(shown, " " $3 " ") == 0 }
    /^\.Sh / { hidden = 0 }
    hidden { next }
    /^\.Sh "EXIT STATUS"/ { while ((getline line < extra) > 0) print line; skip = 1; next }
    /^\.Sh / { skip = 0 }
    # A blank line in a discussion is a paragraph break in mdoc; a line indented for --help
    # (an option list) is kept as it is, as a literal line.
    !skip && /^$/ { print ".Pp"; next }
    !skip && /^  / { print ".Bd -literal -compact"; print; print ".Ed"; next }
    !skip { print }
' "$generated" > "$page"
grep -q "^\.It Em key-table" "$page" && { echo "man.sh: the hidden key-table command is on the page" >&2; exit 1; }
for section in KEYS EXAMPLES FILES; do
    grep -q "^\.Sh $section" "$page" || { echo "man.sh: the page has no $section section" >&2; exit 1; }
done

if [ "$install" = yes ]; then
    install -D -m 0644 "$page" "$prefix/share/man/man1/lostphone.1"
    echo "installed $prefix/share/man/man1/lostphone.1 (man lostphone)" >&2
else
    out=${1:-lostphone.1}
    cp "$page" "$out"
    echo "wrote $out (read it: man -l $out)" >&2
fi
