#!/usr/bin/env bash
# Workbench benchmark (docs/PERFORMANCE.md, "Workbench"): opens the real workbench window under Xvfb on the demo
# incident with ROWS predictions and times launch → usable window, launch → first overview, 20 filter changes →
# all overview numbers updated (p50/p95/max) and the longest FX-thread stall meanwhile.
#   bench/workbench-bench.sh [ROWS | WORKSPACE.duckdb] [CHANGES]     (defaults: 1000000 rows, 20 changes)
# A WORKSPACE.duckdb (e.g. the shared 10M-row /work/bench-data/demo10m/workspace.duckdb) is copied and used as is.
# The demo workspace is generated once into $INQUEST_BENCH_DATA/demo<N>/incident.duckdb (default
# /work/bench-data, shared: a mkdir lock, a DONE file when complete) and copied before each run (the workbench opens
# it for writing).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rows="${1:-1000000}"
changes="${2:-20}"
given=""
case "$rows" in *.duckdb) given="$rows" ;; esac
data="${INQUEST_BENCH_DATA:-/work/bench-data}"
case "$rows" in
  1000000) name=demo1m ;; 10000000) name=demo10m-workbench ;; *) name="demo$rows" ;;
esac
dir="$data/$name"
./inquest --version >/dev/null   # builds when needed
cp="app/target/classes:app/target/lib/*"
if [ -z "$given" ] && [ ! -f "$dir/DONE" ]; then
  mkdir -p "$data"
  until mkdir "$dir.lock" 2>/dev/null; do
    [ -f "$dir/DONE" ] && break
    echo "waiting for someone else's $dir.lock ..." >&2; sleep 10
  done
  if [ ! -f "$dir/DONE" ]; then
    trap 'rmdir "$dir.lock" 2>/dev/null || true' EXIT
    echo "generating the $rows-row demo incident into $dir ..." >&2
    java -cp "$cp" org.inquest.app.ui.bench.BenchData "$dir/incident.duckdb" "$rows"
    echo "workbench demo incident, $rows predictions: incident.duckdb + files/ ($(date -u))" > "$dir/DONE"
    rmdir "$dir.lock"; trap - EXIT
  fi
fi
work="$root/target/workbench-bench"
mkdir -p "$work"
cp "${given:-$dir/incident.duckdb}" "$work/incident.duckdb"
# Start the JVM as ./inquest starts the workbench (ADRs 0011, 0064): the launcher's jars, DuckDB's unpacked native
# library and the workbench's class-data-sharing archive (INQUEST_FAST_START=0: the plain class path).
opts=()
fast="$root/app/target/launcher"
if [ "${INQUEST_FAST_START:-1}" != 0 ] && [ -f "$fast/duckdb_jdbc.jar" ] && [ -d "$fast/native" ]; then
  cp="$fast/inquest-app.jar:$fast/duckdb_jdbc.jar"
  for jar in "$root"/app/target/lib/*.jar; do
    case "${jar##*/}" in duckdb_jdbc-*|inquest-app-*) ;; *) cp="$cp:$jar" ;; esac
  done
  opts+=("-Djava.library.path=$fast/native")
  # ./inquest starts the workbench with the archive its first workbench run made (ADR 0064): made here by one
  # short training run when missing. INQUEST_WORKBENCH_ARCHIVE=0 uses the headless commands' archive instead.
  wjsa="$fast/inquest-workbench.jsa"
  if [ "${INQUEST_WORKBENCH_ARCHIVE:-1}" != 0 ] && [ ! -f "$wjsa" ]; then
    echo "training the workbench's class-data archive (one short run) ..." >&2
    training=(java "${opts[@]}" -XX:ArchiveClassesAtExit="$wjsa.$$" -Xlog:disable -Xlog:all=error:stderr -cp "$cp" \
      org.inquest.app.ui.bench.WorkbenchBench "$work/incident.duckdb" 1)
    if [ -n "${DISPLAY:-}" ]; then "${training[@]}" >/dev/null 2>&1 || true
    else xvfb-run -a -s "-screen 0 1366x768x24" "${training[@]}" >/dev/null 2>&1 || true; fi
    if [ -s "$wjsa.$$" ]; then mv -f "$wjsa.$$" "$wjsa"; else rm -f "$wjsa.$$"; fi
    cp "${given:-$dir/incident.duckdb}" "$work/incident.duckdb"
  fi
  jsa="$fast/inquest.jsa"
  [ "${INQUEST_WORKBENCH_ARCHIVE:-1}" != 0 ] && [ -f "$wjsa" ] && jsa="$wjsa"
  [ -f "$jsa" ] && opts+=("-XX:SharedArchiveFile=$jsa" "-Xlog:disable" "-Xlog:all=error:stderr")
fi
# As ./inquest starts the workbench: the client compiler only (ADR 0122).
opts+=("-XX:TieredStopAtLevel=1")
echo "machine: $(nproc) cores; $(uptime); JVM options: ${opts[*]:-none}"
run=(java ${opts[@]+"${opts[@]}"} ${INQUEST_JAVA_OPTS:-} -cp "$cp" org.inquest.app.ui.bench.WorkbenchBench \
  "$work/incident.duckdb" "$changes")
if [ -n "${DISPLAY:-}" ]; then "${run[@]}"; else xvfb-run -a -s "-screen 0 1366x768x24" "${run[@]}"; fi
echo "after: $(uptime)"
