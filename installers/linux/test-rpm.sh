#!/usr/bin/env bash
# Checks the .rpm built on this (Debian) machine: its version is the launcher's, it requires the
# GTK 3 and OpenGL libraries by soname (so any RPM distribution resolves them), it owns
# /usr/bin/conn, the desktop entry, metainfo, MIME type and icons, runs no scriptlets, and it
# installs and removes cleanly into an empty rpm root (rpm --root; its dependencies are not
# there, hence --nodeps), where the installed launcher prints its version.
#   installers/linux/test-rpm.sh target/installer/conn-VERSION-1.x86_64.rpm
set -euo pipefail
rpmfile="$(realpath "${1:?usage: test-rpm.sh conn-VERSION-RELEASE.ARCH.rpm}")"
fail() { echo "rpm-test: FAILED: $*" >&2; exit 1; }
version="$(rpm -qp --qf '%{VERSION}' "$rpmfile" 2>/dev/null)"
requires="$(rpm -qp --requires "$rpmfile" 2>/dev/null)"
files="$(rpm -qpl "$rpmfile" 2>/dev/null)"
for lib in 'libgtk-3.so.0()(64bit)' 'libGL.so.1()(64bit)'; do
  grep -qxF "$lib" <<<"$requires" || fail "does not require $lib"
done
for f in /usr/bin/conn /opt/conn/bin/Conn /usr/share/applications/dev.conn.Conn.desktop \
  /usr/share/metainfo/dev.conn.Conn.metainfo.xml /usr/share/mime/packages/dev.conn.Conn.xml \
  /usr/share/icons/hicolor/16x16/apps/dev.conn.Conn.png /usr/share/icons/hicolor/512x512/apps/dev.conn.Conn.png \
  /usr/share/licenses/conn/LICENSE; do
  grep -qxF "$f" <<<"$files" || fail "does not own $f"
done
grep -qxF /usr/share/applications <<<"$files" && fail "owns /usr/share/applications (the filesystem's)"
[ -z "$(rpm -qp --scripts "$rpmfile" 2>/dev/null)" ] || fail "has scriptlets: $(rpm -qp --scripts "$rpmfile")"
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
rpm --root "$root" --initdb
rpm --root "$root" -i --nodeps "$rpmfile" 2>/dev/null
[ "$(readlink "$root/usr/bin/conn")" = /opt/conn/bin/Conn ] || fail "/usr/bin/conn does not lead to the launcher"
cli="$("$root/opt/conn/bin/Conn" --version)"
[ "$cli" = "conn $version" ] || fail "the installed launcher says '$cli'; the package is $version"
rpm --root "$root" -e conn 2>/dev/null
[ -z "$(ls -A "$root/opt")" ] || fail "rpm -e left files in /opt"
echo "rpm-test: $(basename "$rpmfile"): version $version = conn --version; requires GTK 3 and libGL; installs and removes cleanly"
