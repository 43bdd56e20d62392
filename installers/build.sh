#!/usr/bin/env bash
# Builds Conn's runtime image, app-image and (optionally) installers with jpackage.
#   installers/build.sh app-image   # target/installer/Conn (any OS); about 15 s here
#   installers/build.sh deb         # Linux  .deb  (installers/linux; dpkg-deb, fakeroot)
#   installers/build.sh rpm         # Linux  .rpm  (installers/linux; needs rpmbuild)
#   installers/build.sh deb rpm     # both, from one app-image
#   installers/build.sh msi         # Windows .msi (installers/windows/jpackage.args; needs WiX 3)
#   installers/build.sh dmg         # macOS  .dmg  (installers/macos/jpackage.args)
# Needs target/conn.jar and target/lib (mvn package). Run from anywhere; JAVA_HOME or the PATH's
# JDK 17+ provides java, jlink and jpackage. See installers/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- app-image
bin="${JAVA_HOME:+$JAVA_HOME/bin/}"
out=target/installer

[ -f target/conn.jar ] || { echo "build.sh: target/conn.jar missing; run mvn -DskipTests package first" >&2; exit 1; }
for type in "$@"; do
  case "$type" in app-image|deb|rpm|msi|dmg) ;; *) echo "build.sh: unknown type $type (app-image, deb, rpm, msi, dmg)" >&2; exit 2 ;; esac
done
# The one version: the jar's (pom version without -SNAPSHOT, dev.conn.platform.product.ProductInfo),
# so `conn --version`, Help > About and the package agree.
version="$("${bin}java" -jar target/conn.jar --version)"
version="${version#conn }"
case "$version" in [0-9]*) ;; *) echo "build.sh: conn --version said '$version', not a version number" >&2; exit 1 ;; esac
echo "build.sh: version $version"
rm -rf "$out" && mkdir -p "$out/input" "$out/fx"

# JavaFX's platform jars are modules (they go into the runtime); everything else is the class path.
cp target/lib/javafx-*-*.jar "$out/fx/"
for j in target/lib/*.jar; do
  case "$(basename "$j")" in javafx-*) ;; *) cp "$j" "$out/input/" ;; esac
done
cp target/conn.jar "$out/input/"
# the documentation travels with the app: Help > About points here (ProductInfo.documentation)
cp README.md "$out/input/README.md"
cp installers/README.md "$out/input/INSTALL.md"
cp LICENSE "$out/input/LICENSE"

# The runtime: only the modules Conn needs, with the JDK's default CDS archive
# (found with jdeps and by running every feature; add one here if a NoClassDefFoundError says so).
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,jdk.crypto.ec,jdk.unsupported,jdk.zipfs,jdk.charsets,jdk.localedata,javafx.base,javafx.graphics,javafx.controls,javafx.fxml,javafx.swing
"${bin}jlink" --module-path "$out/fx" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --compress=2 \
  --generate-cds-archive --output "$out/runtime"

# The app-image: one launcher, `Conn` (GUI without arguments, CLI with them: dev.conn.app.Launcher).
# Serial GC with a 16 MB young generation and a small initial heap: resident memory with a
# 10,000-event incident 242-246 MB instead of 282-292 MB (G1), the maximum heap left at the JVM's
# default so large imports are not capped (src/docs/decisions/0022).
"${bin}jpackage" @installers/common.args --type app-image --dest "$out" \
  --app-version "$version" --input "$out/input" --main-jar conn.jar --main-class dev.conn.app.Launcher \
  --runtime-image "$out/runtime" --icon assets/conn-icon-256.png \
  --java-options "-XX:TieredStopAtLevel=1" --java-options "-Xshare:auto" \
  --java-options "-XX:+UseSerialGC" --java-options "-Xms32m" --java-options "-Xmn16m"

app="$out/Conn"
[ -d "$app" ] || app="$out/Conn.app/Contents"
# Linux: bin/Conn is a shell script that runs jpackage's launcher (renamed bin/conn-jvm, which
# finds its lib/app/conn-jvm.cfg by its name) and keeps GTK from loading OpenGL where there is no
# GPU (installers/linux/conn-launcher.sh, src/docs/decisions/0025)
if [ "$(uname -s)" = Linux ] && [ -f "$app/bin/Conn" ]; then
  mv "$app/bin/Conn" "$app/bin/conn-jvm"
  mv "$app/lib/app/Conn.cfg" "$app/lib/app/conn-jvm.cfg"
  install -m 755 installers/linux/conn-launcher.sh "$app/bin/Conn"
fi
cfg="$(ls "$app"/lib/app/*.cfg "$app"/app/*.cfg 2>/dev/null | head -1 || true)"

# AppCDS: start the window once (under Xvfb if there is no display), archive the classes it
# loaded, and make the launcher use the archive. Skipped (the app still runs) without a display.
# Only for an app-image run where it was built: on JDK 17 a dynamic archive is tied to the class
# path it was dumped with, so once installed elsewhere (/opt/conn) it would be refused with a
# warning on every start. Installers therefore ship the JDK's CDS archive only (installers/README.md).
if [ "$*" = app-image ] && [ "${CONN_NO_APPCDS:-}" = "" ] && { [ -n "${DISPLAY:-}" ] || command -v xvfb-run >/dev/null; }; then
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

# Linux: the files outside /opt/conn that both packages own (never written by a maintainer
# script, so installing needs no desktop and removing leaves nothing behind): /usr/bin/conn, the
# desktop entry, AppStream metainfo, the MIME type of incident bundles, hicolor icons.
system_root() {
  local root="$out/system"
  rm -rf "$root" && mkdir -p "$root/usr/bin"
  cp -r installers/linux/usr/share "$root/usr/"
  ln -s /opt/conn/bin/Conn "$root/usr/bin/conn"
  sed -i -e "s|@VERSION@|$version|" -e "s|@DATE@|$(date -u +%Y-%m-%d)|" \
    "$root/usr/share/metainfo/dev.conn.Conn.metainfo.xml"
  for size in 16 24 32 48 64 128 256 512; do
    install -D -m 644 "assets/conn-icon-$size.png" "$root/usr/share/icons/hicolor/${size}x$size/apps/dev.conn.Conn.png"
  done
  install -D -m 644 assets/conn-icon.svg "$root/usr/share/icons/hicolor/scalable/apps/dev.conn.Conn.svg"
  echo "$root"
}

# The .deb: jpackage builds it (it works out the libraries' packages for Depends) from our control
# and copyright files, uncompressed; then the system files join it and dpkg-deb compresses it once.
# jpackage's maintainer scripts are dropped: without --linux-shortcut they do nothing, and the
# caches are refreshed by dpkg triggers (desktop-file-utils, shared-mime-info, the icon cache).
build_deb() {
  local root tree arch deb size
  root="$(system_root)"
  rm -rf "$out/jpackage-deb" "$out/deb-root"
  DPKG_DEB_COMPRESSOR_TYPE=none "${bin}jpackage" @installers/common.args @installers/linux/jpackage.args \
    @installers/linux/deb.args --resource-dir installers/linux/resources --app-version "$version" \
    --app-image "$app" --dest "$out/jpackage-deb"
  tree="$out/deb-root"
  dpkg-deb -R "$out"/jpackage-deb/*.deb "$tree"
  rm -f "$tree"/DEBIAN/preinst "$tree"/DEBIAN/postinst "$tree"/DEBIAN/prerm "$tree"/DEBIAN/postrm
  cp -a "$root/." "$tree/"
  install -D -m 644 "$tree/opt/conn/share/doc/copyright" "$tree/usr/share/doc/conn/copyright"
  rm -r "$tree/opt/conn/share"
  size="$(du -sk --exclude=DEBIAN "$tree" | cut -f1)"
  sed -i "s/^Installed-Size:.*/Installed-Size: $size/" "$tree/DEBIAN/control"
  (cd "$tree" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | sort -z | xargs -0 md5sum > DEBIAN/md5sums)
  arch="$(dpkg --print-architecture)"
  deb="$out/conn_${version}_$arch.deb"
  dpkg-deb --root-owner-group -Zxz -b "$tree" "$deb" >/dev/null
  rm -rf "$out/jpackage-deb" "$tree"
  echo "build.sh: $deb ($(du -h "$deb" | cut -f1))"
}

# The .rpm: jpackage with our spec (installers/linux/resources/conn.spec), which takes the
# system files into the package.
build_rpm() {
  local root res
  command -v rpmbuild >/dev/null || { echo "build.sh: rpm needs rpmbuild (Debian: apt-get install rpm)" >&2; exit 1; }
  root="$(cd "$(system_root)" && pwd)"
  res="$out/resources-rpm" && rm -rf "$res" && mkdir -p "$res"
  sed "s|@SYSTEM_ROOT@|$root|" installers/linux/resources/conn.spec > "$res/conn.spec"
  "${bin}jpackage" @installers/common.args @installers/linux/jpackage.args @installers/linux/rpm.args \
    --resource-dir "$res" --app-version "$version" --app-image "$app" --dest "$out"
  rm -rf "$res"
  echo "build.sh: $(ls "$out"/conn-"$version"-*.rpm) ($(du -h "$out"/conn-"$version"-*.rpm | cut -f1))"
}

for type in "$@"; do
  case "$type" in
    app-image) echo "build.sh: $app" ;;
    deb) build_deb ;;
    rpm) build_rpm ;;
    msi) "${bin}jpackage" @installers/common.args @installers/windows/jpackage.args --app-version "$version" \
           --app-image "$app" --dest "$out" ;;
    dmg) "${bin}jpackage" @installers/common.args @installers/macos/jpackage.args --app-version "$version" \
           --app-image "$out/Conn.app" --dest "$out" ;;
  esac
done
