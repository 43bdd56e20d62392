#!/usr/bin/env bash
# Installs the .deb the way a user does (`apt install ./conn_*.deb`, maintainer scripts and
# triggers included) into a clean Debian root that has no desktop and no menu folders, then
# checks what installing promises (installers/README.md) and that removing keeps ~/.conn:
#   1. a minimal root (debootstrap --variant=minbase, the host's suite and package mirror)
#   2. apt install ./conn_*.deb succeeds there; dpkg calls it installed
#   3. conn is on the PATH; `conn --version` is the package's version; declare, log and incidents
#      work against the default data directory
#   4. the window starts under Xvfb with only the package's dependencies (libgtk-3-0, libgl1):
#      Conn's start-up probe (-Dconn.bench.startup=true) prints its figures and exits
#   5. a desktop arriving later (desktop-file-utils, shared-mime-info) lists Conn for *.conn.json
#   6. apt remove takes /opt/conn, /usr/bin/conn and the desktop files away and leaves dpkg nothing
#      to purge (no configuration files); ~/.conn stays
# Needs root, debootstrap and the network to the package mirror. Usage: test-deb-install.sh DEB
set -euo pipefail
deb="$(realpath "${1:?usage: test-deb-install.sh conn_VERSION_ARCH.deb}")"
[ "$(id -u)" = 0 ] || { echo "deb-install: needs root (debootstrap, chroot)" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "deb-install: needs debootstrap (apt-get install debootstrap)" >&2; exit 2; }

start=$(date +%s)
step() { echo "deb-install: [$(( $(date +%s) - start )) s] $*"; }
fail() { echo "deb-install: FAILED: $*" >&2; exit 1; }

# the host's Debian suite and mirror, so the root is what this machine's apt would install
. /etc/os-release
suite="${VERSION_CODENAME:?no VERSION_CODENAME in /etc/os-release}"
mirror="$(sed -n 's|^URIs:[[:space:]]*\([^[:space:]]*\).*|\1|p' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -1 || true)"
[ -n "$mirror" ] || mirror="$(sed -n 's|^deb[[:space:]]\+\([^[:space:]]*\).*|\1|p' /etc/apt/sources.list 2>/dev/null | grep -v security | head -1 || true)"

root="$(mktemp -d /tmp/conn-deb-root.XXXXXX)"
chmod 755 "$root" # apt downloads as the _apt user
cleanup() {
  for m in "$root/proc" "$root/dev/pts"; do mountpoint -q "$m" && umount -l "$m"; done
  rm -rf --one-file-system "$root"
}
trap cleanup EXIT
in_root() { chroot "$root" env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }

step "debootstrap --variant=minbase $suite ${mirror:-(default mirror)}"
debootstrap --variant=minbase "$suite" "$root" ${mirror:+"$mirror"} >"$root.log" 2>&1 \
  || { tail -20 "$root.log" >&2; rm -f "$root.log"; fail "debootstrap"; }
rm -f "$root.log"
mount -t proc proc "$root/proc"     # the launcher finds itself through /proc/self/exe
mount -t devpts devpts "$root/dev/pts" # apt's terminal log
# as the Debian installer writes it: H2's AUTO_SERVER mode resolves this machine's name
printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n' "$(hostname)" > "$root/etc/hosts"
for d in /etc/xdg/menus /usr/share/desktop-directories /usr/share/applications; do
  [ ! -e "$root$d" ] || fail "the clean root already has $d; it is meant to have no desktop"
done

step "apt install ./$(basename "$deb")"
cp "$deb" "$root/tmp/"
in_root apt-get update -qq
if ! in_root apt-get install -y -q "/tmp/$(basename "$deb")" >"$root/tmp/apt.log" 2>&1; then
  tail -30 "$root/tmp/apt.log" >&2; fail "apt install exited non-zero"
fi
grep -E "^(Need to get|Setting up conn)" "$root/tmp/apt.log" | sed 's/^/deb-install:   /'
[ "$(in_root dpkg-query -W -f '${Status}' conn)" = "install ok installed" ] || fail "conn is not 'install ok installed'"

step "conn on the PATH"
pkg_version="$(in_root dpkg-query -W -f '${Version}' conn)"
[ "$(in_root sh -c 'command -v conn')" = /usr/bin/conn ] || fail "conn is not /usr/bin/conn"
[ "$(in_root dpkg -S /usr/bin/conn | cut -d: -f1)" = conn ] || fail "/usr/bin/conn is not the package's"
cli_version="$(in_root conn --version)"
[ "$cli_version" = "conn $pkg_version" ] || fail "conn --version said '$cli_version'; the package is $pkg_version"
echo "deb-install:   conn --version: $cli_version (package $pkg_version)"
in_root conn declare --severity 2 "Installed package smoke test" >/dev/null
in_root conn log "logged by the installed conn" >/dev/null
list="$(in_root conn incidents)"
echo "$list" | grep -q "Installed package smoke test" || fail "conn incidents does not list the incident: $list"
[ -f "$root/root/.conn/conn.mv.db" ] || fail "no database in ~/.conn"
for f in /usr/share/applications/dev.conn.Conn.desktop /usr/share/metainfo/dev.conn.Conn.metainfo.xml \
  /usr/share/mime/packages/dev.conn.Conn.xml /usr/share/icons/hicolor/16x16/apps/dev.conn.Conn.png \
  /usr/share/icons/hicolor/512x512/apps/dev.conn.Conn.png /usr/share/doc/conn/copyright; do
  [ -f "$root$f" ] || fail "$f is missing"
done
grep -q "^License: Apache-2.0" "$root/usr/share/doc/conn/copyright" || fail "the copyright file does not name Apache-2.0"

step "the window starts with the package's dependencies only (Xvfb)"
in_root apt-get install -y -q --no-install-recommends xvfb xauth >"$root/tmp/apt-x.log" 2>&1 \
  || { tail -20 "$root/tmp/apt-x.log" >&2; fail "could not install xvfb in the root"; }
probe="$(in_root env JAVA_TOOL_OPTIONS="-Dconn.bench.startup=true -Dprism.verbose=true" \
  timeout 180 xvfb-run -a -s "-screen 0 1366x768x24" conn 2>&1 || true)"
echo "$probe" | grep -q "conn.bench firstFrameMs=" || { echo "$probe" | tail -30 >&2; fail "the window did not start"; }
echo "deb-install:   $(echo "$probe" | grep -m1 "conn.bench firstFrameMs=")"
echo "deb-install:   rendering: $(echo "$probe" | grep -m1 "Initialized prism pipeline" || echo "(prism did not say)")"

step "a desktop arriving later lists Conn for *.conn.json"
in_root apt-get install -y -q --no-install-recommends desktop-file-utils shared-mime-info >"$root/tmp/apt-d.log" 2>&1 \
  || { tail -20 "$root/tmp/apt-d.log" >&2; fail "could not install desktop-file-utils"; }
grep -q "^application/vnd.conn.incident+json=.*dev.conn.Conn.desktop" "$root/usr/share/applications/mimeinfo.cache" \
  || fail "mimeinfo.cache does not map the bundle type to Conn"
grep -q ":application/vnd.conn.incident+json:\*\.conn\.json" "$root/usr/share/mime/globs2" \
  || fail "the MIME database has no *.conn.json glob"

step "apt remove"
in_root apt-get remove -y -q conn >/dev/null
for f in /opt/conn /usr/bin/conn /usr/share/applications/dev.conn.Conn.desktop /usr/share/mime/packages/dev.conn.Conn.xml \
  /usr/share/metainfo/dev.conn.Conn.metainfo.xml /usr/share/icons/hicolor/16x16/apps/dev.conn.Conn.png /usr/share/doc/conn; do
  [ ! -e "$root$f" ] && [ ! -L "$root$f" ] || fail "$f is still there after apt remove"
done
# no configuration files, so nothing is left for `apt purge`: dpkg forgets the package at once
status="$(in_root dpkg-query -W -f '${Status}' conn 2>/dev/null || true)"
case "$status" in "" | *not-installed) ;; *) fail "after apt remove dpkg still has conn as '$status'" ;; esac
[ -f "$root/root/.conn/conn.mv.db" ] || fail "~/.conn lost its database on removal"
grep -q "dev.conn.Conn.desktop" "$root/usr/share/applications/mimeinfo.cache" && fail "mimeinfo.cache still lists Conn"

step "passed"
