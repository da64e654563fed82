#!/usr/bin/env bash
# Takes docs/screenshots/replay.png: the Replay tab on the demo incident with traces, under Xvfb at 1366x768.
#   ./inquest demo --out demo --traces
#   ./inquest import --workspace demo/incident.duckdb --table predictions demo/predictions.parquet
#   ./inquest import --workspace demo/incident.duckdb --table spans --kind traces demo/traces.otlp.jsonl
#   bash docs/screenshots/make-replay-screenshot.sh demo/incident.duckdb "2026-09-22 12:00" [FEATURE] [MEASURE] [OUT]
# Needs xvfb-run and ImageMagick's import.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
workspace="$1"; at="$2"; feature="${3:-income}"; measure="${4:-NULL_SHARE}"
out="${5:-$root/docs/screenshots/replay.png}"
cp="${INQUEST_CP:-$root/app/target/classes:$root/app/target/lib/*}"
xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
  log=$(mktemp)
  java -cp "$0" org.inquest.app.ui.replay.ReplayScreenshot "$1" "$2" "$3" "$4" > "$log" 2>&1 &
  pid=$!
  for i in $(seq 1 600); do grep -q READY "$log" && break; kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }; sleep 0.5; done
  import -window root "$5"
  kill $pid
' "$cp" "$workspace" "$at" "$feature" "$measure" "$out"
echo "wrote $out"
