#!/usr/bin/env python3
"""Reference values for TraceStatsTest.

Writes a random but reproducible OTLP JSON file (one ExportTraceServiceRequest per line) and, computed here
independently of Inquest with plain Python interval arithmetic and numpy's default (linear) percentiles, the
expected per-(service, name) statistics: count, errors, p50/p95/p99 of duration and of self time.
Self time = duration - |union of the children's intervals clipped to the span|.

Run from the repository root:  python3 analysis/src/test/python/make_trace_stats.py
"""
import json
import os
import random

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "traces")
rng = random.Random(20240611)
T0 = 1_700_000_000_000_000_000


def otlp_span(trace, sid, parent, name, b, e, status):
    span = {"traceId": trace, "spanId": sid, "name": name, "startTimeUnixNano": str(b), "endTimeUnixNano": str(e),
            "status": {"code": status}}
    if parent:
        span["parentSpanId"] = parent
    return span


spans = []  # (trace, span_id, parent, service, name, b, e, status)
for t in range(400):
    trace = "%032x" % (0xabc000 + t)
    base = T0 + t * 1_000_000_000
    dur = rng.randint(5_000_000, 200_000_000)
    root = "%016x" % (t * 100 + 1)
    spans.append((trace, root, None, "api", "GET /score", base, base + dur, 2 if rng.random() < 0.05 else 0))
    n_children = rng.randint(0, 5)
    for c in range(n_children):
        # children may overlap each other, and about one in ten sticks out of the parent's end
        b = base + rng.randint(0, dur)
        length = rng.randint(100_000, dur // 2 + 100_000)
        e = b + length
        if rng.random() > 0.1:
            e = min(e, base + dur)
        sid = "%016x" % (t * 100 + 10 + c)
        name = rng.choice(["feature_store.lookup", "model.inference", "preprocess"])
        service = "scorer" if name != "feature_store.lookup" else "feature-store"
        status = 2 if rng.random() < 0.1 else rng.choice([0, 1])
        spans.append((trace, sid, root, service, name, b, e, status))
        for g in range(rng.randint(0, 2)):
            gb = b + rng.randint(0, max(1, e - b))
            ge = gb + rng.randint(1, max(2, (e - b) // 2))
            spans.append((trace, "%016x" % (t * 100 + 50 + c * 5 + g), sid, "db", "SELECT", gb, ge,
                          2 if rng.random() < 0.2 else 0))

with open(os.path.join(OUT, "stats_spans.jsonl"), "w") as f:
    by_trace = {}
    for s in spans:
        by_trace.setdefault(s[0], []).append(s)
    for trace, members in by_trace.items():
        by_service = {}
        for s in members:
            by_service.setdefault(s[3], []).append(otlp_span(s[0], s[1], s[2], s[4], s[5], s[6], s[7]))
        request = {"resourceSpans": [
            {"resource": {"attributes": [{"key": "service.name", "value": {"stringValue": svc}}]},
             "scopeSpans": [{"scope": {"name": "make_trace_stats"}, "spans": ss}]}
            for svc, ss in by_service.items()]}
        f.write(json.dumps(request, separators=(",", ":")) + "\n")


def self_time(span):
    b, e = span[5], span[6]
    clipped = sorted((max(c[5], b), min(c[6], e)) for c in spans
                     if c[0] == span[0] and c[2] == span[1] and min(c[6], e) > max(c[5], b))
    covered, cur_b, cur_e = 0, None, None
    for cb, ce in clipped:  # merge overlapping intervals, then add up their lengths
        if cur_e is None or cb > cur_e:
            if cur_e is not None:
                covered += cur_e - cur_b
            cur_b, cur_e = cb, ce
        else:
            cur_e = max(cur_e, ce)
    if cur_e is not None:
        covered += cur_e - cur_b
    return (e - b - covered) / 1e6


def stats(selected):
    groups = {}
    for s in selected:
        groups.setdefault((s[3], s[4]), []).append(s)
    ops = []
    for (service, name), members in sorted(groups.items()):
        d = np.array([(s[6] - s[5]) / 1e6 for s in members])
        st = np.array([self_time(s) for s in members])
        ops.append({"service": service, "name": name, "count": len(members),
                    "errors": sum(1 for s in members if s[7] == 2),
                    "p50_ms": float(np.percentile(d, 50)), "p95_ms": float(np.percentile(d, 95)),
                    "p99_ms": float(np.percentile(d, 99)), "self_p50_ms": float(np.percentile(st, 50)),
                    "self_p95_ms": float(np.percentile(st, 95)), "self_p99_ms": float(np.percentile(st, 99)),
                    "mean_ms": float(np.mean(d))})
    return {"operations": ops}


def compare(reference, current):
    """trace stats --reference-where/--current-where: both slices per operation, and current minus reference."""
    ref = {(o["service"], o["name"]): o for o in stats(reference)["operations"]}
    cur = {(o["service"], o["name"]): o for o in stats(current)["operations"]}
    ops = []
    for key in sorted(set(ref) | set(cur)):
        r, c = ref.get(key), cur.get(key)
        change = None
        if r and c:
            change = {f: c[f] - r[f] for f in ("count", "errors", "p50_ms", "p95_ms", "p99_ms", "self_p50_ms",
                                                 "self_p95_ms", "self_p99_ms", "mean_ms")}
            change["error_rate"] = c["errors"] / c["count"] - r["errors"] / r["count"]
            change["p95_ratio"] = c["p95_ms"] / r["p95_ms"]
        ops.append({"service": key[0], "name": key[1], "reference": r, "current": c, "change": change})
    return {"operations": ops}


# The test's slices: --reference-where "start < TIMESTAMP '2023-11-14 22:16:40'" (traces 0-199, every span of
# trace t lies within [T0 + t s, T0 + t s + 0.4 s]) and --current-where "status = 2" AND the later traces.
SPLIT = T0 + 200 * 1_000_000_000
expected = {"all": stats(spans),
            "compare": compare([s for s in spans if s[5] < SPLIT], [s for s in spans if s[5] >= SPLIT and s[7] != 1]),
            # the same filter the test passes as --where: only error spans, whose children are still subtracted
            "status_2": stats([s for s in spans if s[7] == 2])}
with open(os.path.join(OUT, "stats_expected.json"), "w") as f:
    json.dump(expected, f, indent=1)
print(len(spans), "spans")
