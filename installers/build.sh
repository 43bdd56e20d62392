#!/usr/bin/env bash
# Builds Conn's runtime image, app-image and (optionally) an installer with jpackage.
#   installers/build.sh app-image   # target/installer/Conn (any OS); about 15 s here
#   installers/build.sh deb         # Linux  .deb  (installers/linux/jpackage.args)
#   installers/build.sh msi         # Windows .msi (installers/windows/jpackage.args; needs WiX 3)
#   installers/build.sh dmg         # macOS  .dmg  (installers/macos/jpackage.args)
# Needs target/conn.jar and target/lib (mvn package). Run from anywhere; JAVA_HOME or the PATH's
# JDK 17+ provides jlink and jpackage. See installers/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
type="${1:-app-image}"
bin="${JAVA_HOME:+$JAVA_HOME/bin/}"
out=target/installer
# the project's version without -SNAPSHOT (jpackage wants numbers only)
version="$(sed -n 's|^  <version>\([0-9][0-9.]*\).*</version>|\1|p' pom.xml | head -1)"
version="${version:-1.0.0}"

[ -f target/conn.jar ] || { echo "build.sh: target/conn.jar missing; run mvn -DskipTests package first" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out/input" "$out/fx"

# JavaFX's platform jars are modules (they go into the runtime); everything else is the class path.
cp target/lib/javafx-*-*.jar "$out/fx/"
for j in target/lib/*.jar; do
  case "$(basename "$j")" in javafx-*) ;; *) cp "$j" "$out/input/" ;; esac
done
cp target/conn.jar "$out/input/"

# The runtime: only the modules Conn needs, with the JDK's default CDS archive
# (found with jdeps and by running every feature; add one here if a NoClassDefFoundError says so).
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,jdk.crypto.ec,jdk.unsupported,jdk.zipfs,jdk.charsets,jdk.localedata,javafx.base,javafx.graphics,javafx.controls,javafx.fxml,javafx.swing
"${bin}jlink" --module-path "$out/fx" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --compress=2 \
  --generate-cds-archive --output "$out/runtime"

# The app-image: one launcher, `Conn` (GUI without arguments, CLI with them: dev.conn.app.Launcher).
"${bin}jpackage" @installers/common.args --type app-image --dest "$out" \
  --app-version "$version" --input "$out/input" --main-jar conn.jar --main-class dev.conn.app.Launcher \
  --runtime-image "$out/runtime" --icon assets/conn-icon-256.png \
  --java-options "-XX:TieredStopAtLevel=1" --java-options "-Xshare:auto"

app="$out/Conn"
[ -d "$app" ] || app="$out/Conn.app/Contents"
cfg="$(ls "$app"/lib/app/*.cfg "$app"/app/*.cfg 2>/dev/null | head -1 || true)"

# AppCDS: start the window once (under Xvfb if there is no display), archive the classes it
# loaded, and make the launcher use the archive. Skipped (the app still runs) without a display.
# Only for an app-image run where it was built: on JDK 17 a dynamic archive is tied to the class
# path it was dumped with, so once installed elsewhere (/opt/conn) it would be refused with a
# warning on every start. Installers therefore ship the JDK's CDS archive only (installers/README.md).
if [ "$type" = app-image ] && [ "${CONN_NO_APPCDS:-}" = "" ] && { [ -n "${DISPLAY:-}" ] || command -v xvfb-run >/dev/null; }; then
  jsa="$(dirname "$cfg")/conn.jsa"
  home="$(mktemp -d)"
  run=(); [ -n "${DISPLAY:-}" ] || run=(xvfb-run -a)
  if CONN_HOME="$home" JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$jsa -Dconn.bench.startup=true" \
      timeout 120 "${run[@]}" "$app/bin/Conn" >/dev/null 2>&1 && [ -s "$jsa" ]; then
    sed -i 's|^\(\[JavaOptions\]\)$|\1\njava-options=-XX:SharedArchiveFile=$APPDIR/conn.jsa|' "$cfg"
    echo "build.sh: AppCDS archive $(du -h "$jsa" | cut -f1)"
  else
    rm -f "$jsa"; echo "build.sh: no AppCDS archive (the window did not start here); CDS of the JDK only"
  fi
  rm -rf "$home"
fi

case "$type" in
  app-image) echo "build.sh: $app" ;;
  deb) "${bin}jpackage" @installers/common.args @installers/linux/jpackage.args --app-version "$version" \
         --app-image "$app" --dest "$out" && ls "$out"/*.deb ;;
  msi) "${bin}jpackage" @installers/common.args @installers/windows/jpackage.args --app-version "$version" \
         --app-image "$app" --dest "$out" ;;
  dmg) "${bin}jpackage" @installers/common.args @installers/macos/jpackage.args --app-version "$version" \
         --app-image "$out/Conn.app" --dest "$out" ;;
  *) echo "build.sh: unknown type $type (app-image, deb, msi, dmg)" >&2; exit 2 ;;
esac
