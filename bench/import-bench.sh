#!/usr/bin/env bash
# Import benchmark: bench/import-bench.sh [ROWS] [REPEATS]  (defaults: 10000000 rows, 3 repeats).
# Generates the demo incident with ROWS predictions (once, cached under target/import-bench), then imports its
# predictions.parquet with Inquest's import and with a bare DuckDB CREATE TABLE AS SELECT * FROM read_parquet(...),
# alternating, in one JVM, and prints the times and their ratio (goal: <= 1.3).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rows="${1:-10000000}"
repeats="${2:-3}"
work="${INQUEST_BENCH_DIR:-$root/target/import-bench}"
demo="$work/demo-$rows"
./inquest --version >/dev/null   # builds when the build is missing or stale
if [ ! -f "$demo/predictions.parquet" ]; then
  rm -rf "$demo"
  echo "generating the demo incident with $rows predictions in $demo ..." >&2
  /usr/bin/time -f "demo generation: %e s, max RSS %M KB" ./inquest demo --out "$demo" --rows "$rows" >&2
fi
exec java ${INQUEST_JAVA_OPTS:-} -cp "$root/app/target/classes:$root/app/target/lib/*" \
  org.inquest.app.bench.ImportBench "$demo/predictions.parquet" "$work/run" "$repeats"
