#!/usr/bin/env bash
# Packaging test: builds the app-image (installers/build.sh) and runs its launcher headless, as an
# installed `conn` would run: --version, then the CLI against a temporary data directory.
# Needs target/conn.jar and target/lib (mvn package / verify). About 30 s here (jlink is most of it).
set -euo pipefail
cd "$(dirname "$0")/.."
CONN_NO_APPCDS="${CONN_NO_APPCDS-1}" installers/build.sh app-image
conn=target/installer/Conn/bin/Conn
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT

version="$("$conn" --version)"
echo "smoke: $version"
case "$version" in "conn "[0-9]*) ;; *) echo "smoke: --version printed '$version'" >&2; exit 1 ;; esac
[ -f target/installer/Conn/lib/app/README.md ] || { echo "smoke: the app-image has no README.md beside conn.jar (Help > About points there)" >&2; exit 1; }
"$conn" --data-dir "$home" declare --severity 2 "Packaging smoke test" >/dev/null
"$conn" --data-dir "$home" log "logged by the packaged launcher" >/dev/null
list="$("$conn" --data-dir "$home" incidents)"
echo "$list"
echo "$list" | grep -q "Packaging smoke test" || { echo "smoke: incident not listed" >&2; exit 1; }
echo "smoke: packaged launcher runs the CLI"
