#!/usr/bin/env bash
# CSV drift benchmark (docs/PERFORMANCE.md, "Drift"): import + drift of 400k reference rows vs 600k current rows
# from CSV with the inquest CLI (three processes: import, import, drift), against bench/drift_pandas.py (pandas +
# scipy, one process) doing the same work: read both files, compute the same drift. Both sides run in every round,
# in alternating order, so they see the same machine load; prints each round, then the medians.
# Usage: bench/drift-csv-bench.sh [ROUNDS]   (default 5)
# INQUEST_BEFORE=DIR adds a third side in every round: the same three commands with the ./inquest of another checkout
# (e.g. an older commit, built), for before/after figures taken under the same load.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rounds="${1:-5}"
./inquest --version >/dev/null   # builds when needed (and prepares the launcher's class-data archive)
work=bench/work/drift-csv
mkdir -p "$work"
if [ ! -f "$work/current.csv" ]; then
  ./inquest demo --rows 1000000 --format csv --out "$work/demo" >/dev/null
  head -n 400001 "$work/demo/predictions.csv" > "$work/reference.csv"
  { head -n 1 "$work/demo/predictions.csv"; tail -n 600000 "$work/demo/predictions.csv"; } > "$work/current.csv"
fi

TIMEFORMAT='%R %U %S'
inquest_side() {
  rm -rf "$work/w.duckdb" "$work/w.duckdb.wal" "$work/w.duckdb.tmp"
  ./inquest import --workspace "$work/w.duckdb" --table reference "$work/reference.csv" >/dev/null 2>&1
  ./inquest import --workspace "$work/w.duckdb" --table current "$work/current.csv" >/dev/null 2>&1
  ./inquest drift --workspace "$work/w.duckdb" --reference reference --current current --out "$work/drift.json"
}
before_side() {
  rm -rf "$work/b.duckdb" "$work/b.duckdb.wal" "$work/b.duckdb.tmp"
  "$INQUEST_BEFORE/inquest" import --workspace "$work/b.duckdb" --table reference "$work/reference.csv" >/dev/null 2>&1
  "$INQUEST_BEFORE/inquest" import --workspace "$work/b.duckdb" --table current "$work/current.csv" >/dev/null 2>&1
  "$INQUEST_BEFORE/inquest" drift --workspace "$work/b.duckdb" --reference reference --current current \
    --out "$work/before.json"
}
pandas_side() {
  /usr/bin/python3 bench/drift_pandas.py "$work/reference.csv" "$work/current.csv" > "$work/pandas.json"
}
# Runs a side in the current shell and prints "wall cpu" (cpu = user + system of every process it started).
timed() {
  local t
  t=$( { time "$1" >/dev/null 2>&1; } 2>&1 )
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' <<<"$t"
}

# The floor, measured once in the same conditions: DuckDB alone turning both files into tables (CsvFloor).
floor=$(INQUEST_MAIN_CLASS=org.inquest.app.bench.CsvFloor ./inquest "$work/floor.duckdb" \
  "$work/reference.csv" "$work/current.csv")
echo "floor: bare DuckDB CREATE TABLE AS SELECT * FROM read_csv, both files, one process, JVM start excluded:" \
  "$(awk '{print $1 " s (cpu " $2 " s)"}' <<<"$floor")"

inq_wall=(); inq_cpu=(); pd_wall=(); pd_cpu=(); bf_wall=(); bf_cpu=()
for round in $(seq 1 "$rounds"); do
  load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
  if (( round % 2 )); then
    read -r iw ic < <(timed inquest_side); read -r pw pc < <(timed pandas_side)
  else
    read -r pw pc < <(timed pandas_side); read -r iw ic < <(timed inquest_side)
  fi
  inq_wall+=("$iw"); inq_cpu+=("$ic"); pd_wall+=("$pw"); pd_cpu+=("$pc")
  if [ -n "${INQUEST_BEFORE:-}" ]; then
    read -r bw bc < <(timed before_side)
    bf_wall+=("$bw"); bf_cpu+=("$bc")
    printf "round %d: before (%s) %s s (cpu %s s)\n" "$round" "$INQUEST_BEFORE" "$bw" "$bc"
  fi
  printf "round %d (load %s): inquest %s s (cpu %s s), pandas + scipy %s s (cpu %s s), pandas / inquest %.2f\n" \
    "$round" "$load" "$iw" "$ic" "$pw" "$pc" "$(echo "$pw / $iw" | bc -l)"
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
mi=$(median "${inq_wall[@]}"); mp=$(median "${pd_wall[@]}")
printf "median of %d rounds: inquest import + import + drift %s s (cpu %s s), pandas + scipy %s s (cpu %s s): pandas / inquest %.2f\n" \
  "$rounds" "$mi" "$(median "${inq_cpu[@]}")" "$mp" "$(median "${pd_cpu[@]}")" "$(echo "$mp / $mi" | bc -l)"
if [ -n "${INQUEST_BEFORE:-}" ]; then
  printf "median before (%s): %s s (cpu %s s)\n" "$INQUEST_BEFORE" "$(median "${bf_wall[@]}")" "$(median "${bf_cpu[@]}")"
fi
python3 -c "import json; d=json.load(open('$work/drift.json')); print('inquest drifted:', [f['name'] for f in d['features'] if f['drifted']])"
python3 -c "import json; d=json.load(open('$work/pandas.json')); print('pandas drifted:', d['drifted'], '(in-script', d['total_seconds'], 's)')"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
