#!/bin/sh
# The manual page, generated from the command-line parser by swift-argument-parser's
# generate-manual plugin, with the sections a parser cannot know (ENVIRONMENT, FILES, the exit
# statuses) from docs/lostphone.1.sections.
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

swift package plugin generate-manual --configuration debug >&2
generated=.build/plugins/GenerateManual/outputs/lostphone/lostphone.1
[ -s "$generated" ] || { echo "man.sh: the plugin wrote no $generated" >&2; exit 1; }

# The generated page ends with an EXIT STATUS section of one line (.Ex -std); ours replaces it.
page=$(mktemp)
trap 'rm -f "$page"' EXIT
awk -v extra=docs/lostphone.1.sections '
    /^\.Sh "EXIT STATUS"/ { while ((getline line < extra) > 0) print line; skip = 1; next }
    /^\.Sh / { skip = 0 }
    # A blank line in a discussion is a paragraph break in mdoc; a line indented for --help
    # (an option list) is kept as it is, as a literal line.
    !skip && /^$/ { print ".Pp"; next }
    !skip && /^  / { print ".Bd -literal -compact"; print; print ".Ed"; next }
    !skip { print }
' "$generated" > "$page"
grep -q '^\.Sh FILES' "$page" || { echo "man.sh: the page has no FILES section" >&2; exit 1; }

if [ "$install" = yes ]; then
    install -D -m 0644 "$page" "$prefix/share/man/man1/lostphone.1"
    echo "installed $prefix/share/man/man1/lostphone.1 (man lostphone)" >&2
else
    out=${1:-lostphone.1}
    cp "$page" "$out"
    echo "wrote $out (read it: man -l $out)" >&2
fi
