#!/usr/bin/env bash
# Smoke test of the Linux installer, as a user without a JDK would meet it:
#   1. builds the .deb (./mvnw -Pinstaller package; SMOKE_NO_BUILD=1 reuses packaging/target/*.deb),
#   2. checks its metadata (Depends, PATH link, desktop entry, .duckdb association, DuckDB's native library),
#   3. unpacks it with dpkg -x into packaging/target/smoke/root and links usr/bin/inquest as postinst does,
#   4. runs the installed `inquest --version`, `demo`, `import` and `report --format html` with a bare environment
#      (env -i; no JAVA_HOME; no java on PATH) and, where the kernel allows a private mount namespace, with the
#      machine's JDKs hidden and /tmp mounted noexec,
#   5. starts the workbench under Xvfb and checks that it drew a window (and how long that took).
# Subcommands that `inquest --help` does not list yet are skipped with a "not yet available" line.
# Needs: dpkg-deb, fakeroot, unzip, Xvfb, xwininfo (x11-utils), ImageMagick (import, identify); .ci/run installs them.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

say() { printf 'smoke: %s\n' "$*"; }
fail() { printf 'smoke: FAIL %s\n' "$*" >&2; exit 1; }
passed=0
failed=0
skipped=0
check() { # check DESCRIPTION COMMAND... : one counted assertion
  local what=$1; shift
  if "$@"; then say "ok   $what"; passed=$((passed + 1)); else say "FAIL $what"; failed=$((failed + 1)); fi
}
skip() { say "SKIP $1"; skipped=$((skipped + 1)); }

version=$(sed -n '/<artifactId>inquest-parent<\/artifactId>/,/<version>/ s:.*<version>\([^<]*\)</version>.*:\1:p' pom.xml | head -1)
[ -n "$version" ] || fail "cannot read the project version from pom.xml"

# 1. Build ------------------------------------------------------------------------------------------------------
if [ "${SMOKE_NO_BUILD:-0}" != 1 ]; then
  say "building the installer (./mvnw -B -q -Pinstaller -DskipTests package -pl packaging -am)"
  start=$(date +%s)
  ./mvnw -B -q -Pinstaller -DskipTests package -pl packaging -am
  say "installer built in $(( $(date +%s) - start )) s"
fi
deb=$(ls packaging/target/inquest_"${version}"-*_amd64.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no packaging/target/inquest_${version}-*_amd64.deb"
say "package: $deb ($(du -m "$deb" | cut -f1) MB)"

# 2. Package metadata -------------------------------------------------------------------------------------------
work="$repo/packaging/target/smoke"   # not under /tmp: /tmp is replaced by a noexec tmpfs below
rm -rf "$work"
mkdir -p "$work/control" "$work/home" "$work/sysbin"
dpkg-deb -e "$deb" "$work/control"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libgtk-3-0 libgl1 libasound2 libxtst6 xdg-utils; do
  check "Depends names $lib" grep -q "\b$lib\b" <<<"$depends"
done
check "control version is the Maven version ($version)" test "$(dpkg-deb -f "$deb" Version)" = "$version-1"
check "postinst links /usr/bin/inquest" grep -q 'ln -sf /opt/inquest/bin/inquest /usr/bin/inquest' "$work/control/postinst"
check "prerm removes /usr/bin/inquest" grep -q 'rm -f /usr/bin/inquest' "$work/control/prerm"

root="$work/root"
dpkg -x "$deb" "$root"
app="$root/opt/inquest"
desktop=$(ls "$app"/lib/*.desktop | head -1)
check "desktop entry is in Development;Science" grep -q '^Categories=Development;Science;' "$desktop"
check "desktop entry has the icon" test -s "$app/lib/inquest.png"
check "desktop entry opens .duckdb workspaces" grep -q '^MimeType=application/x-inquest-workspace' "$desktop"
check "mime type globs *.duckdb" grep -q 'pattern="\*.duckdb"' "$app"/lib/*MimeInfo.xml
check "bundled runtime has DuckDB's native library" test -f "$app/lib/runtime/lib/libduckdb_java.so"
duckjar=$(ls "$app"/lib/app/duckdb_jdbc-*.jar)
check "DuckDB jar carries no native library to extract to /tmp" \
  bash -c "! unzip -l '$duckjar' | grep -q 'libduckdb_java.so_'"
check "JavaFX native libraries are in the runtime (not extracted to ~/.openjfx)" test -f "$app/lib/runtime/lib/libglassgtk3.so"
check "no all-platform DuckDB jar" bash -c "! ls '$app'/lib/app/duckdb_jdbc-*[0-9].jar 2>/dev/null | grep -q ."
check "no JavaFX jars on the class path" bash -c "! ls '$app'/lib/app/ | grep -q '^javafx-'"

# 3. "Install": what postinst does, inside the unpacked root ----------------------------------------------------
mkdir -p "$root/usr/bin"
ln -sf ../../opt/inquest/bin/inquest "$root/usr/bin/inquest"
mkdir -p "$work/entry"   # the desktop entry calls /opt/inquest/bin/inquest-desktop by its full path
ln -sf "$root/opt/inquest/bin/inquest-desktop" "$work/entry/inquest-desktop"
# A PATH with the installed command and a handful of basic tools, and no java anywhere on it.
for tool in sh dirname readlink cat ls; do ln -sf "$(command -v "$tool")" "$work/sysbin/$tool"; done
path="$root/usr/bin:$work/sysbin:$work/entry"
check "no java on the test PATH" bash -c "! env -i PATH='$path' sh -c 'command -v java' >/dev/null"

# Runs the installed inquest with a bare environment. Where possible, in a private mount namespace with the JDKs
# hidden (/usr/lib/jvm empty) and /tmp a fresh noexec tmpfs, so neither a system JDK nor an executable /tmp can help.
isolation=none
noexec_tmp=1
case "$(realpath "$work")" in /tmp/*) noexec_tmp=0 ;; esac   # a fresh /tmp would hide the unpacked installation
if unshare -m sh -c 'mount -t tmpfs -o noexec,nosuid tmpfs /tmp && mount -t tmpfs tmpfs /usr/lib/jvm' 2>/dev/null; then
  isolation=namespace
  if [ "$noexec_tmp" = 1 ]; then
    say "isolation: JDKs hidden and /tmp mounted noexec in a private mount namespace"
  else
    say "isolation: JDKs hidden in a private mount namespace (checkout is under /tmp, so /tmp stays as it is)"
  fi
else
  say "isolation: no private mount namespace here; bare environment and java-free PATH only"
fi
installed() { # installed [--with-tmp] ARGS... : run the installed inquest; output in $work/out, $work/err
  local hide_tmp=1
  if [ "${1:-}" = --with-tmp ]; then hide_tmp=0; shift; fi
  local cmd=(env -i HOME="$work/home" PATH="$path" LANG=C.UTF-8 ${DISPLAY_FOR_APP:+DISPLAY=$DISPLAY_FOR_APP} "${ENTRY:-inquest}" "$@")
  if [ "$isolation" = namespace ]; then
    local mounts='mount -t tmpfs tmpfs /usr/lib/jvm'
    [ "$hide_tmp" = 1 ] && [ "$noexec_tmp" = 1 ] && mounts="mount -t tmpfs -o noexec,nosuid tmpfs /tmp && $mounts"
    unshare -m sh -c "$mounts && exec \"\$@\"" sh "${cmd[@]}"
  else
    "${cmd[@]}"
  fi
}
run_installed() { # output in $work/out and $work/err; stderr is shown when the command fails
  if installed "$@" >"$work/out" 2>"$work/err"; then return 0; fi
  local rc=$?
  sed 's/^/  stderr: /' "$work/err" >&2
  return "$rc"
}

# 4. The command line -------------------------------------------------------------------------------------------
check "inquest --version exits 0" run_installed --version
check "inquest --version prints $version" grep -q "$version" "$work/out"
run_installed --help || true
help=$(cat "$work/out")
registered() { grep -Eq "^[[:space:]]+$1([[:space:]]|,|$)" <<<"$help"; }

data="$work/data"
mkdir -p "$data"
# DuckDB's native library loads from the installed runtime (with /tmp noexec where isolated): a read-only command
# handed a file that is not a DuckDB database must get as far as DuckDB's own refusal (exit 3, the file named),
# not an UnsatisfiedLinkError (exit 4).
for sub in quality drift; do
  registered "$sub" || continue
  head -c 4096 /dev/urandom >"$data/not-a-database.duckdb"
  set +e; installed "$sub" --workspace "$data/not-a-database.duckdb" --reference t --current t >"$work/out" 2>"$work/err"; rc=$?; set -e
  check "DuckDB's native library loads (inquest $sub on a non-database exits 3, not 4: got $rc)" test "$rc" = 3
  check "… and names the file" grep -q 'not-a-database.duckdb' "$work/err"
  [ "$rc" = 3 ] || sed 's/^/  stderr: /' "$work/err" >&2
  break
done
input=""
if registered demo; then
  rows_flag=()
  run_installed demo --help || true
  grep -q -- '--rows' "$work/out" && rows_flag=(--rows 20000)
  check "inquest demo exits 0" run_installed demo --out "$data/demo" "${rows_flag[@]}"
  check "inquest demo wrote predictions.parquet" test -s "$data/demo/predictions.parquet"
  input="$data/demo/predictions.parquet"
else
  skip "inquest demo — not yet available (no 'demo' subcommand in inquest --help)"
fi
if [ -z "$input" ] || [ ! -s "$input" ]; then
  # Without the demo, a small prediction log of our own (two model versions, scores, labels, one feature).
  input="$data/predictions.csv"
  {
    echo "request_id,timestamp,model_version,score,label,income,region"
    for i in $(seq 1 400); do
      v=v1; [ "$i" -gt 200 ] && v=v2
      echo "r$i,2026-01-$(printf '%02d' $(( (i % 28) + 1 ))) 12:00:00,$v,0.$(( (i * 37) % 100 )),$(( i % 2 )),$(( 1000 + i * 13 )),$([ $(( i % 3 )) = 0 ] && echo EU || echo US)"
    done
  } >"$input"
fi
workspace="$data/smoke.duckdb"
if registered import; then
  check "inquest import exits 0" run_installed import --workspace "$workspace" --table predictions "$input"
  check "inquest import created the workspace" test -s "$workspace"
else
  skip "inquest import — not yet available (no 'import' subcommand in inquest --help)"
fi
if registered report; then
  if [ -s "$workspace" ]; then
    check "inquest report --format html exits 0" run_installed report --workspace "$workspace" \
      --reference predictions --reference-where "model_version = 'v1'" \
      --current predictions --current-where "model_version = 'v2'" --format html --out "$data/report.html"
    check "report.html is an HTML document" grep -qi '<html' "$data/report.html"
    check "report.html draws its charts inline (SVG)" grep -qi '<svg' "$data/report.html"
  else
    skip "inquest report --format html — no workspace (import not yet available)"
  fi
else
  skip "inquest report --format html — not yet available (no 'report' subcommand in inquest --help)"
fi

# 5. The workbench under Xvfb -----------------------------------------------------------------------------------
pids=()
kill_tree() { # kill_tree PID: the process and everything it started (the launcher runs under a subshell)
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do kill_tree "$child"; done
  kill "$1" 2>/dev/null || true
}
cleanup() { for p in "${pids[@]}"; do kill_tree "$p"; done; }
trap cleanup EXIT
exec 3>"$work/display"
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
exec 3>&-
for _ in $(seq 1 50); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || fail "Xvfb did not start: $(cat "$work/xvfb.log")"
display=":$(head -1 "$work/display")"
say "Xvfb on $display"
gui_start=$(date +%s%N)
# The X server's socket lives in /tmp, so the workbench keeps the real /tmp (the JDKs stay hidden).
DISPLAY_FOR_APP=$display installed --with-tmp >"$work/gui.out" 2>"$work/gui.err" &
gui_pid=$!
pids+=("$gui_pid")
viewable_window() { # the id of a viewable top-level window titled Inquest..., if there is one
  local id
  for id in $(DISPLAY=$display xwininfo -root -tree 2>/dev/null | grep -i '^ *0x[0-9a-f]* "inquest' | awk '{print $1}'); do
    if DISPLAY=$display xwininfo -id "$id" 2>/dev/null | grep -q 'Map State: IsViewable'; then echo "$id"; return 0; fi
  done
  return 1
}
drawn_colours() { # drawn_colours PNG: screenshots until the screen shows more than a blank window (30 s at most)
  local colours=0
  for _ in $(seq 1 30); do
    DISPLAY=$display import -window root "$1"
    colours=$(identify -format '%k' "$1")
    [ "$colours" -gt 16 ] && break   # text and widgets, not just the black root and a plain window
    sleep 1
  done
  echo "$colours"
}
window=""
for _ in $(seq 1 900); do # up to 90 s
  window=$(viewable_window || true)
  if [ -n "$window" ]; then break; fi
  kill -0 "$gui_pid" 2>/dev/null || break
  sleep 0.1
done
check "the workbench drew a window within 90 s" test -n "$window"
if [ -n "$window" ]; then
  millis=$(( ($(date +%s%N) - gui_start) / 1000000 ))
  say "window mapped after ${millis} ms: $(DISPLAY=$display xwininfo -id "$window" | grep -E 'xwininfo:|Width|Height' | tr -s ' \n' ' ')"
  colours=$(drawn_colours "$work/workbench.png")
  check "the workbench drew its widgets ($colours colours on screen)" test "$colours" -gt 16
  say "screenshot: $work/workbench.png"
fi
[ -n "$window" ] || sed 's/^/  workbench stderr: /' "$work/gui.err" >&2
kill_tree "$gui_pid"
for _ in $(seq 1 100); do viewable_window >/dev/null || break; sleep 0.1; done   # until its window is gone

# The desktop entry's command, as the file manager runs it for a .duckdb file: opens that workspace.
if [ -s "$workspace" ]; then
  open_start=$(date +%s%N)
  DISPLAY_FOR_APP=$display ENTRY=inquest-desktop installed --with-tmp "$workspace" >"$work/open.out" 2>"$work/open.err" &
  open_pid=$!
  pids+=("$open_pid")
  window=""
  for _ in $(seq 1 900); do
    window=$(viewable_window || true)
    if [ -n "$window" ]; then break; fi
    kill -0 "$open_pid" 2>/dev/null || break
    sleep 0.1
  done
  check "the desktop entry's command (inquest-desktop FILE.duckdb) opens a workbench window" test -n "$window"
  if [ -n "$window" ]; then
    say "window after $(( ($(date +%s%N) - open_start) / 1000000 )) ms"
    colours=$(drawn_colours "$work/workspace.png")
    check "… and draws the workspace ($colours colours on screen)" test "$colours" -gt 16
    check "… on the client compiler only (ADR 0122: JAVA_TOOL_OPTIONS=-XX:TieredStopAtLevel=1)" \
      grep -q -- "-XX:TieredStopAtLevel=1" "$work/open.err"
    say "screenshot: $work/workspace.png"
  else
    sed 's/^/  inquest-desktop stderr: /' "$work/open.err" >&2
  fi
  kill_tree "$open_pid"
else
  skip "opening a .duckdb through the desktop entry — no workspace (import not yet available)"
fi
check "nothing was extracted to ~/.openjfx (JavaFX loads its libraries from the runtime)" test ! -e "$work/home/.openjfx"

echo "smoke: $passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
