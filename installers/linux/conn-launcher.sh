#!/bin/sh
# Conn's Linux launcher: installers/build.sh installs it as bin/Conn in the app-image (and so in
# /opt/conn/bin/Conn, which /usr/bin/conn leads to). It runs jpackage's launcher beside it,
# bin/conn-jvm, with one change to the environment: on a machine with no GPU device (no
# /dev/dri/renderD* or card* node, no /dev/nvidiactl: a virtual machine, a container, Xvfb, a
# remote desktop) GTK is told not to load OpenGL (GDK_GL=disable). Otherwise GTK's display set-up
# loads Mesa's software OpenGL (libLLVM, swrast: about 60 MB resident) only to choose a visual,
# and there JavaFX draws with its software pipeline anyway (dev.conn.app.GraphicsPipeline makes
# the same test). A GDK_GL already set is left as it is. See src/docs/decisions/0025.
gpu() {
  for node in /dev/dri/renderD* /dev/dri/card* /dev/nvidiactl; do
    [ -e "$node" ] && return 0
  done
  return 1
}
if [ -z "${GDK_GL+set}" ] && ! gpu; then
  GDK_GL=disable
  export GDK_GL
fi
exec "$(dirname "$(readlink -f "$0")")/conn-jvm" "$@"
