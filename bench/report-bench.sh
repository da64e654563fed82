#!/usr/bin/env bash
# Report benchmark (docs/PERFORMANCE.md, "Postmortem report"): the full report on the demo incident against drift
# alone and the sort floor, peak JVM heap under -Xmx512m, HTML size. Usage: bench/report-bench.sh [WORKSPACE] [ROWS]
# (a workspace without a predictions table gets the demo generated with ROWS rows, default 10,000,000, and imported).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./inquest --version >/dev/null   # builds when needed
mkdir -p bench/work
exec java -Xmx512m -cp "app/target/classes:app/target/lib/*" org.inquest.app.bench.ReportBenchmark \
  "${1:-bench/work/report-bench.duckdb}" "${2:-10000000}"
