#!/usr/bin/env bash
# Incident-replay benchmark (docs/PERFORMANCE.md, "Incident replay"): the Replay tab's timeline of the demo
# (whole month and days 22-23) and the listing of one bucket's requests with their traces.
# Usage: bench/replay.sh WORKSPACE [BUCKET] [FEATURE] [ROUNDS]   (WORKSPACE: demo predictions + spans, see README)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/inquest" --version >/dev/null   # builds when the build is missing or stale
exec java ${INQUEST_JAVA_OPTS:-} -cp "$root/app/target/classes:$root/app/target/lib/*" \
  org.inquest.app.bench.ReplayBench "$@"
