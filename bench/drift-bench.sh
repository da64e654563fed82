#!/usr/bin/env bash
# Drift benchmark (docs/PERFORMANCE.md, "Drift"): exact drift of 10 numeric features on 10M rows against the sort
# floor, one aggregate scan and the peak JVM heap under -Xmx512m. Usage: bench/drift-bench.sh [ROWS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./inquest --version >/dev/null   # builds when needed
mkdir -p bench/work
exec java -Xmx512m -cp "app/target/classes:app/target/lib/*" org.inquest.app.bench.DriftBenchmark \
  bench/work/drift-bench.duckdb "${1:-10000000}"
