#!/usr/bin/env bash
# The release: one binary with the Swift runtime linked in (it needs only glibc and ncurses), its
# manual page and bash/zsh/fish completions, as a versioned tarball and a Debian package.
#
#   scripts/release.sh [OUT]       writes OUT/lostphone-VERSION-linux-ARCH.tar.gz and
#                                  OUT/lostphone_VERSION_ARCH.deb (OUT: dist)
#   scripts/release.sh --bench     builds lostphone-bench with the same flags, and says where
#
# Environment: RELEASE_SCRATCH, the SwiftPM scratch folder (default .build-release, apart from
# the everyday .build). Install the package with `sudo apt-get install ./dist/lostphone_*.deb`.
#
# It refuses to package a binary that links a Swift library (`ldd`), whose --version is not the
# version in its name, or whose manual page groff warns about.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-dist}
scratch=${RELEASE_SCRATCH:-.build-release}
version=$(sed -n 's/^ *static let version = "lostphone \([0-9][^"]*\)"$/\1/p' Sources/lostphone/Lostphone.swift)
[ -n "$version" ] || { echo "release: no version in Sources/lostphone/Lostphone.swift" >&2; exit 1; }
arch=$(dpkg --print-architecture 2>/dev/null || uname -m)
for tool in dpkg-deb dpkg-query strip ldd objdump gzip groff; do
    command -v "$tool" >/dev/null 2>&1 || { echo "release: $tool is missing (apt-get install dpkg binutils groff-base)" >&2; exit 1; }
done

product=lostphone; [ "$out" = "--bench" ] && product=lostphone-bench
echo "release: building $product $version (release, static Swift runtime, scratch path $scratch)"
start=$(date +%s)
# Linked as a position-dependent executable (-no-pie): a PIE of the static runtime makes the
# dynamic loader apply some 85,000 relative relocations at every start, about 1.5 ms. And with
# the C++ library the Swift runtime needs linked in too (a folder holding only GCC's
# libstdc++.a, searched first): loading libstdc++.so and running its initialisers cost a
# quarter of `--version`'s processor time (3.46 to 2.53 ms, 282 to 221 page faults).
cxx=$(gcc -print-file-name=libstdc++.a 2>/dev/null || true)
[ -f "$cxx" ] || { echo "release: no libstdc++.a (apt-get install libstdc++-12-dev)" >&2; exit 1; }
case $scratch in /*) cxxdir="$scratch/static-cxx" ;; *) cxxdir="$PWD/$scratch/static-cxx" ;; esac
mkdir -p "$cxxdir"
ln -sf "$cxx" "$cxxdir/libstdc++.a"
# And with each concrete generic type's metadata fetched by its accessor, not by its mangled name
# (-disable-concrete-type-metadata-mangled-name-accessors): by name, the runtime demangles it and
# checks its requirements by looking up conformances, the first lookup of each scanning all 6,544
# conformance records of the static binary. That was 12% of a full-screen start's processor time;
# with accessors the first frame came 9% sooner (14.3 to 13.1 ms in one bench run), for 0.1 MB of
# code. And without $ORIGIN as a library path (--disable-local-rpath): the binary holds everything
# of Swift, so the loader's search of /usr/bin/glibc-hwcaps/..., /usr/bin/tls/... and so on for
# each of the five C libraries (some sixty failed opens and stats at every start) found nothing.
# And exporting no symbols of its own (--no-export-dynamic, after the Swift driver's
# -rdynamic): nothing loads into this binary to call it back, and its 9,151 exported symbols
# were 0.7 MB of tables the loader and the backtracer's dladdr walk at every start (547 left, the
# C libraries' own; peak memory 19.5 to 18.8 MiB and --version 2.40 to 2.06 ms in one run).
flags=(-c release --static-swift-stdlib --disable-local-rpath -Xlinker -no-pie -Xlinker --no-export-dynamic -Xswiftc -L -Xswiftc "$cxxdir"
       -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors --scratch-path "$scratch")
if [ "$out" = "--bench" ]; then
    # The bench, built exactly as the binary it measures (README, "The release binary").
    swift build "${flags[@]}" --product lostphone-bench
    echo "release: $(swift build "${flags[@]}" --show-bin-path)/lostphone-bench"
    exit 0
fi
swift build "${flags[@]}" --product lostphone
built="$(swift build "${flags[@]}" --show-bin-path)/lostphone"
echo "release: built in $(( $(date +%s) - start )) s"

stage=$(mktemp -d "${TMPDIR:-/tmp}/lostphone-release.XXXXXX")
trap 'rm -rf "$stage"' EXIT
root="$stage/deb"
bin="$root/usr/bin/lostphone"
install -D -m 0755 "$built" "$bin"
strip --strip-all "$bin"

# Nothing of Swift may be loaded from the system: the binary must run where no toolchain is.
libs=$(ldd "$bin")
if echo "$libs" | grep -i -E 'swift|Foundation|icu|libstdc\+\+|not found'; then
    echo "release: the binary loads the libraries above, which it should hold (the Swift runtime, Foundation, libstdc++): it would not run without a Swift toolchain" >&2
    exit 1
fi
if objdump -p "$bin" | grep -E 'RPATH|RUNPATH'; then
    echo "release: the binary names a library path (above): the loader would search it at every start" >&2
    exit 1
fi
"$bin" --version | grep -qx "lostphone $version" || { echo "release: '$bin --version' does not say $version" >&2; exit 1; }

# The manual page, its key table read from this very binary.
install -d "$root/usr/share/man/man1"
LOSTPHONE_BIN="$bin" scripts/man.sh "$stage/lostphone.1"
if groff -Tutf8 -mandoc -ww -z "$stage/lostphone.1" 2>&1 | grep .; then
    echo "release: groff warns about the manual page" >&2
    exit 1
fi
gzip -9n < "$stage/lostphone.1" > "$root/usr/share/man/man1/lostphone.1.gz"

# Completions where each shell looks for those of installed packages.
install -d "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" \
    "$root/usr/share/fish/vendor_completions.d"
"$bin" --generate-completion-script bash > "$root/usr/share/bash-completion/completions/lostphone"
"$bin" --generate-completion-script zsh > "$root/usr/share/zsh/vendor-completions/_lostphone"
"$bin" --generate-completion-script fish > "$root/usr/share/fish/vendor_completions.d/lostphone.fish"

install -D -m 0644 README.md "$root/usr/share/doc/lostphone/README.md"
cat > "$root/usr/share/doc/lostphone/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: lostphone
Comment: The binary links swift-argument-parser, Yams, Plot and the Swift runtime and Foundation
 statically; each is under the Apache License 2.0 (with the Runtime Library Exception for Swift)
 or the MIT license. See /usr/share/common-licenses/Apache-2.0.
EOF

# Depends: the package of every library the binary loads, glibc at the newest symbol version it
# uses. libqrencode is not linked (dlopen when Q is pressed), so it is only recommended.
depends=()
glibc=$(objdump -T "$bin" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -t. -k1,1n -k2,2n -k3,3n | tail -1)
for lib in $(echo "$libs" | awk '/=>/ { print $3 } !/=>/ && /^\t\// { print $1 }'); do
    real=$(readlink -f "$lib")
    pkg=$(dpkg -S "$lib" 2>/dev/null || dpkg -S "$real" 2>/dev/null || true)
    pkg=${pkg%%:*}
    [ -n "$pkg" ] || { echo "release: no Debian package owns $lib" >&2; exit 1; }
    if [ "$pkg" = libc6 ]; then pkg="libc6 (>= $glibc)"; fi
    case " ${depends[*]-} " in *" $pkg,"*|*" $pkg "*) ;; *) depends+=("$pkg,") ;; esac
done
depends_line=$(echo "${depends[*]}" | sed 's/,$//')

size=$(stat -c %s "$bin")
install -d "$root/DEBIAN"
cat > "$root/DEBIAN/control" <<EOF
Package: lostphone
Version: $version
Architecture: $arch
Maintainer: lostphone <lostphone@localhost>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends_line
Recommends: libqrencode4
Suggests: ncurses-term
Section: utils
Priority: optional
Homepage: https://github.com/lostphone/lostphone
Description: guide through the first hour after a phone is lost or stolen
 A full-screen terminal program (and plain commands) that tells you what to
 freeze, report and lock, in the right order, with the numbers and addresses
 you need, in Chinese and English; it records when you did each thing in a
 journal and exports reports for the police, your bank or your insurer.
EOF

mkdir -p "$out"
deb="$out/lostphone_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz -z1 --build "$root" "$deb" >/dev/null

# The tarball: the same files under lostphone-VERSION/, laid out for a PREFIX (/usr/local).
tardir="$stage/lostphone-$version"
mkdir -p "$tardir"
cp -a "$root/usr/." "$tardir/"
cat > "$tardir/INSTALL" <<'EOF'
Copy the folders here into a prefix, for example:  sudo cp -r bin share /usr/local/
It needs glibc and ncurses (libncursesw6, libtinfo6); the QR code needs libqrencode4.
EOF
tarball="$out/lostphone-$version-linux-$(uname -m).tar.gz"
tar -C "$stage" --owner=0 --group=0 --sort=name -czf "$tarball" "lostphone-$version"

echo "release: binary $size bytes ($(( (size + 524288) / 1048576 )) MiB, stripped); links:"
echo "$libs" | sed 's/^/release:   /'
echo "release: Depends: $depends_line"
echo "release: wrote $deb ($(stat -c %s "$deb") bytes) and $tarball ($(stat -c %s "$tarball") bytes)"
