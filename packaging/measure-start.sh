#!/usr/bin/env bash
# Start-up time of the installed workbench: from starting the installed `inquest` (no arguments) to its window
# being viewable on an Xvfb display. Uses the installation that packaging/smoke-test.sh unpacked.
#   bash packaging/measure-start.sh [RUNS]      (default 5)
#   COLD=1 bash packaging/measure-start.sh      drops the page cache before each run (root only): a first start
#                                               after installing or rebooting, rather than a repeated one.
# Prints each run in milliseconds and the median. Needs Xvfb and xwininfo.
# LAUNCHER=./inquest measures the source checkout's launcher the same way (JavaFX on the class path, system JDK).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
root=packaging/target/smoke/root
launcher=${LAUNCHER:-$root/opt/inquest/bin/inquest}   # LAUNCHER=./inquest compares the source launcher
[ -x "$launcher" ] || { echo "no installation at $root: run packaging/smoke-test.sh first" >&2; exit 1; }
home=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$home"
}
trap cleanup EXIT
exec 3>"$home/display"
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
exec 3>&-
for _ in $(seq 1 50); do [ -s "$home/display" ] && break; sleep 0.1; done
display=":$(head -1 "$home/display")"

viewable() {
  local id
  for id in $(DISPLAY=$display xwininfo -root -tree 2>/dev/null | grep -i '^ *0x[0-9a-f]* "inquest' | awk '{print $1}'); do
    DISPLAY=$display xwininfo -id "$id" 2>/dev/null | grep -q 'Map State: IsViewable' && return 0
  done
  return 1
}
times=()
for i in $(seq 1 "$runs"); do
  if [ "${COLD:-0}" = 1 ]; then sync; echo 3 >/proc/sys/vm/drop_caches; fi
  start=$(date +%s%N)
  env -i HOME="$home" PATH=/usr/bin:/bin DISPLAY="$display" "$(realpath "$launcher")" >/dev/null 2>&1 &
  app_pid=$!
  until viewable; do
    kill -0 "$app_pid" 2>/dev/null || { echo "the workbench exited before drawing a window" >&2; exit 1; }
    sleep 0.05
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: $ms ms"
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true
  app_pid=""
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}')
echo "median: $median ms over $runs runs$([ "${COLD:-0}" = 1 ] && echo ' (page cache dropped before each)')"
