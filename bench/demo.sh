#!/usr/bin/env bash
# Demo-incident generation benchmark: bench/demo.sh [ROWS] [OUT] (default 10000000 rows, a temporary directory).
# Builds like ./inquest does, then runs org.inquest.connectors.demo.DemoBenchmark (connectors test classes) with a
# 64 MB heap — the generator streams from DuckDB to disk, so the heap must not grow with ROWS — under
# /usr/bin/time for the process's peak resident memory (JVM plus DuckDB's native memory).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -B -q -DskipTests -pl app -am package >&2
./mvnw -B -q -DskipTests -pl connectors test-compile >&2
cmd=(java -Xmx64m -cp "connectors/target/test-classes:app/target/classes:app/target/lib/*"
  org.inquest.connectors.demo.DemoBenchmark "$@")
if [ -x /usr/bin/time ]; then
  exec /usr/bin/time -f "peak RSS %M KB, wall %e s, user %U s, system %S s" "${cmd[@]}"
fi
exec "${cmd[@]}"
