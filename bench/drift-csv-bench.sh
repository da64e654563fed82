#!/usr/bin/env bash
# CSV drift benchmark (docs/PERFORMANCE.md, "Drift"): import + drift of 400k reference rows vs 600k current rows
# from CSV with the inquest CLI, against bench/drift_pandas.py (pandas + scipy) doing the same.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./inquest --version >/dev/null   # builds when needed
work=bench/work/drift-csv
mkdir -p "$work"
if [ ! -f "$work/current.csv" ]; then
  ./inquest demo --rows 1000000 --format csv --out "$work/demo" >/dev/null
  head -n 400001 "$work/demo/predictions.csv" > "$work/reference.csv"
  { head -n 1 "$work/demo/predictions.csv"; tail -n 600000 "$work/demo/predictions.csv"; } > "$work/current.csv"
fi
rm -f "$work/w.duckdb" "$work/w.duckdb.wal"
start=$(date +%s.%N)
./inquest import --workspace "$work/w.duckdb" --table reference "$work/reference.csv" >/dev/null
./inquest import --workspace "$work/w.duckdb" --table current "$work/current.csv" >/dev/null
./inquest drift --workspace "$work/w.duckdb" --reference reference --current current --out "$work/drift.json"
end=$(date +%s.%N)
echo "inquest import + drift: $(echo "$end - $start" | bc) s"
python3 -c "import json; d=json.load(open('$work/drift.json')); print('inquest drifted:', [f['name'] for f in d['features'] if f['drifted']])"
start=$(date +%s.%N)
/usr/bin/python3 bench/drift_pandas.py "$work/reference.csv" "$work/current.csv" > "$work/pandas.json"
end=$(date +%s.%N)
echo "pandas + scipy (process): $(echo "$end - $start" | bc) s"
python3 -c "import json; d=json.load(open('$work/pandas.json')); print('pandas drifted:', d['drifted'], 'in-script', d['total_seconds'], 's')"
