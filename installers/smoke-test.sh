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

# The window, where Xvfb is here: it opens (the start-up probe prints its figures and exits), and
# on a machine with no GPU device neither GTK nor JavaFX loads OpenGL (Mesa's libLLVM and swrast,
# about 60 MB resident: bin/Conn sets GDK_GL=disable, dev.conn.app.GraphicsPipeline asks for
# JavaFX's software pipeline; src/docs/decisions/0025).
if command -v xvfb-run >/dev/null; then
  mkdir -p "$home/window" # with an author already named, as after the first run: no welcome dialog
  echo '{"version": 1, "authorName": "smoke"}' > "$home/window/settings.json"
  window="$(CONN_HOME="$home/window" JAVA_TOOL_OPTIONS=-Dconn.bench.startup=true \
    timeout 120 xvfb-run -a env LD_DEBUG=files "$conn" 2>&1 || true)"
  grep -q "conn.bench firstFrameMs=" <<<"$window" \
    || { echo "smoke: the packaged window did not open: $(echo "$window" | grep -v 'file=\|^ *[0-9]*:' | tail -5)" >&2; exit 1; }
  if ls /dev/dri/renderD* /dev/dri/card* /dev/nvidiactl >/dev/null 2>&1; then
    echo "smoke: the packaged window opens (a GPU device is here: OpenGL may load)"
  else
    gl="$(grep -oE 'file=[^ ]*lib(GL|GLX|EGL|LLVM)[^ ]*' <<<"$window" | sort -u | tr '\n' ' ' || true)"
    [ -z "$gl" ] || { echo "smoke: with no GPU the packaged window loaded OpenGL: $gl" >&2; exit 1; }
    echo "smoke: the packaged window opens without loading OpenGL (no GPU here)"
  fi
fi
