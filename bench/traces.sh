#!/usr/bin/env bash
# Traces benchmark (docs/PERFORMANCE.md, "Traces"): import of N requests x 5 spans of OTLP JSON vs DuckDB's own
# read_json of the same spans flattened, trace stats over them (also with predictions linked by trace id and by
# the request.id span attribute), trace show of a 5,000-span trace.
# Usage: bench/traces.sh [--requests 200000] [--dir DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/inquest" --version >/dev/null   # builds when the build is missing or stale
exec java ${INQUEST_JAVA_OPTS:-} -cp "$root/app/target/classes:$root/app/target/lib/*" \
  org.inquest.app.bench.TraceBenchmark "$@"
