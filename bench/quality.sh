#!/usr/bin/env bash
# Data-quality and --by windows benchmark on a synthetic table: bench/quality.sh [ROWS] (default 10000000).
# Builds like ./inquest does, then runs org.inquest.analysis.quality.QualityBenchmark (analysis test classes).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -B -q -DskipTests -pl app -am package >&2
exec java -Xmx512m -cp "analysis/target/test-classes:app/target/classes:app/target/lib/*" \
  org.inquest.analysis.quality.QualityBenchmark "$@"
