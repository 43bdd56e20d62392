#!/usr/bin/env bash
# Checks the Linux desktop files with the freedesktop tools: desktop-file-validate (Debian package
# desktop-file-utils), appstreamcli validate --strict (appstream; no network), and
# update-mime-database (shared-mime-info) on the MIME type, which must yield the *.conn.json glob.
# The metainfo is checked as packaged (version and date filled in) when a built tree is given:
#   installers/linux/validate.sh [target/installer/system]
set -euo pipefail
share="${1:+$(realpath "$1")/usr/share}"
cd "$(dirname "$0")"
share="${share:-usr/share}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

desktop-file-validate "$share/applications/dev.conn.Conn.desktop"
metainfo="$share/metainfo/dev.conn.Conn.metainfo.xml"
if grep -q "@VERSION@" "$metainfo"; then
  sed -e 's/@VERSION@/0.0.0/' -e "s/@DATE@/$(date -u +%Y-%m-%d)/" "$metainfo" > "$tmp/dev.conn.Conn.metainfo.xml"
  metainfo="$tmp/dev.conn.Conn.metainfo.xml"
fi
appstreamcli validate --no-net --strict "$metainfo" >/dev/null \
  || { appstreamcli validate --no-net --strict --explain "$metainfo" >&2; exit 1; }
mkdir -p "$tmp/mime/packages"
cp "$share/mime/packages/dev.conn.Conn.xml" "$tmp/mime/packages/"
update-mime-database "$tmp/mime" 2>"$tmp/mime.err" >/dev/null || true
if grep -q -i "fail\|error" "$tmp/mime.err"; then cat "$tmp/mime.err" >&2; exit 1; fi
grep -q "^[0-9]*:application/vnd.conn.incident+json:\*\.conn\.json$" "$tmp/mime/globs2" \
  || { echo "validate: the MIME database has no *.conn.json glob for application/vnd.conn.incident+json" >&2; exit 1; }
echo "validate: desktop entry, AppStream metainfo and MIME type are valid"
