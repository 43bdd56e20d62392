#!/usr/bin/env bash
# Start-up test (issue 11, finding 0): starts the packaged app-image RUNS times (default 20) under
# Xvfb while busy loops keep every core loaded, and fails unless every start shows its window
# (the start-up probe, -Dconn.bench.startup=true, prints "conn.bench firstFrameMs=…" and exits 0).
# Then checks that failed starts say why in one line and exit non-zero instead of hanging: no
# display, a display nobody answers on, and a data directory that cannot be used.
# Needs target/conn.jar and target/lib (mvn package) and xvfb-run (Debian: xvfb); builds the
# app-image if installers/smoke-test.sh has not. Prints each start's first-frame time.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-20}"
conn=target/installer/Conn/bin/Conn
[ -x "$conn" ] || CONN_NO_APPCDS=1 installers/build.sh app-image >/dev/null
command -v xvfb-run >/dev/null || { echo "startup-stress: needs xvfb-run (apt-get install xvfb)" >&2; exit 1; }

work="$(mktemp -d)"
load=()
cleanup() { [ ${#load[@]} -eq 0 ] || kill "${load[@]}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq "$(nproc)"); do ( while :; do :; done ) & load+=($!); done

fails=0; frames=()
for i in $(seq 1 "$runs"); do
  log="$work/run$i.log"; t0=$(date +%s%N); rc=0
  CONN_HOME="$work/home$i" JAVA_TOOL_OPTIONS="-Dconn.bench.startup=true" \
    timeout 120 xvfb-run -a "$conn" >"$log" 2>&1 || rc=$?
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  frame="$(sed -n 's/.*conn\.bench firstFrameMs=\([0-9]*\).*/\1/p' "$log" | head -1)"
  if [ "$rc" -ne 0 ] || [ -z "$frame" ]; then
    fails=$((fails + 1)); echo "startup-stress: start $i FAILED (exit $rc after $ms ms):"; tail -20 "$log"
  else
    frames+=("$frame"); echo "startup-stress: start $i opened: first frame ${frame} ms, process ${ms} ms"
  fi
done
kill "${load[@]}" 2>/dev/null || true; load=()
sorted="$(printf '%s\n' "${frames[@]:-}" | sort -n)"
echo "startup-stress: $(( runs - fails )) of $runs starts opened under load; first frame min $(echo "$sorted" | head -1) ms," \
  "median $(echo "$sorted" | sed -n "$(( (${#frames[@]} + 1) / 2 ))p") ms, max $(echo "$sorted" | tail -1) ms"

# Failed starts: one line saying why, a non-zero exit, no stack trace, no hang.
expect_refusal() { # NAME EXPECTED-TEXT TRACE-ALLOWED COMMAND...
  local name="$1" want="$2" trace="$3"; shift 3; local out rc=0
  out="$(timeout 60 "$@" 2>&1)" || rc=$?
  if [ "$rc" -eq 0 ] || [ "$rc" -eq 124 ] || ! grep -q "$want" <<<"$out" \
      || { [ "$trace" = no ] && grep -qE '^\s+at |Exception in' <<<"$out"; }; then
    fails=$((fails + 1)); echo "startup-stress: $name: expected a one-line refusal, got exit $rc:"; echo "$out" | tail -20
  else
    echo "startup-stress: $name: exit $rc, \"$(grep -m1 "$want" <<<"$out")\""
  fi
}
expect_refusal "no display" "the CLI commands work without one" no env -u DISPLAY -u WAYLAND_DISPLAY "$conn"
expect_refusal "display without a server" "the CLI commands work without one" no env DISPLAY=:187 "$conn"
touch "$work/a-file"
# (the background runner also logs that failure with its trace; the point here is the words and the exit)
expect_refusal "unusable data directory" "conn: .*cannot be created" yes env CONN_HOME="$work/a-file/data" \
  JAVA_TOOL_OPTIONS="-Dconn.bench.startup=true" xvfb-run -a "$conn"

[ "$fails" -eq 0 ] || { echo "startup-stress: $fails failure(s)" >&2; exit 1; }
echo "startup-stress: every start opened or said why"
