#!/usr/bin/env bash
# Waterfall benchmark (docs/PERFORMANCE.md, "Traces"): the workbench's Traces tab opening a 5,000-span trace, then
# scrolling, collapsing and expanding it. Needs a display: run it under Xvfb on a headless machine, e.g.
#   xvfb-run -a -s "-screen 0 1366x768x24" bench/waterfall.sh [--spans 5000] [--runs 6]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/inquest" --version >/dev/null   # builds when the build is missing or stale
exec java ${INQUEST_JAVA_OPTS:-} -cp "$root/app/target/classes:$root/app/target/lib/*" \
  org.inquest.app.bench.WaterfallBenchmark "$@"
