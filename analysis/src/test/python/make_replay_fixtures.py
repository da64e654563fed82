#!/usr/bin/env python3
"""Reference values for ReplayTimelinesTest and BucketTracesTest.

Writes a small, reproducible prediction log (irregular times over about 40 minutes, empty minutes, a row without
a timestamp, null latencies, labels, status codes and feature values), a reference slice, and a spans table linked by
trace_id; then computes here, independently of Inquest, with numpy, the replay timeline per 1-minute and per
5-minute bucket:
  rows, p95 latency (numpy's default linear percentile), error rate (status >= 500 among known statuses, and
  separately: a trace with an error span (status 2) among rows whose trace has spans), mean score, accuracy and
  labeled count (prediction = label among labeled rows), and for the features `amount` (numerical) and `region`
  (categorical): PSI against the reference (the drift contract's bins: reference deciles with linear interpolation,
  duplicates dropped, right-closed; categories one bin per value on either side; zero proportions -> 0.0001),
  null share and mean.
Buckets are floor((t - origin) / width) with origin = the first row's time floored to the width; empty buckets
between the first and the last row are part of the timeline.

Run from the repository root:  python3 analysis/src/test/python/make_replay_fixtures.py
"""
import csv
import datetime as dt
import json
import os
import random

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "replay")
rng = random.Random(90)
EPOCH = dt.datetime(1970, 1, 1)
T0 = dt.datetime(2026, 9, 22, 13, 58, 30)
REGIONS = ["EU", "NA", "APAC", "LATAM"]

# --- reference slice -------------------------------------------------------------------------------------------
reference = []
for i in range(400):
    amount = None if rng.random() < 0.05 else round(rng.lognormvariate(8, 0.6), 2)
    if i % 37 == 0 and amount is not None:
        amount = 3000.0  # repeated values, so some deciles coincide with data points
    reference.append({"amount": amount, "region": rng.choices(REGIONS, [30, 35, 20, 15])[0]})

# --- current slice: predictions --------------------------------------------------------------------------------
rows = []
t = T0
for i in range(260):
    # bursts and gaps: minutes 10-13 after the start are empty
    t += dt.timedelta(seconds=rng.choice([1, 3, 7, 12, 20]), microseconds=rng.randint(0, 999_999))
    if dt.timedelta(minutes=10) <= t - T0 < dt.timedelta(minutes=14):
        t = T0 + dt.timedelta(minutes=14, seconds=rng.randint(0, 5))
    slow = t - T0 > dt.timedelta(minutes=25)
    score = round(rng.random(), 4)
    prediction = 1 if score >= 0.5 else 0
    label = None if rng.random() < 0.3 else (prediction if rng.random() < 0.8 else 1 - prediction)
    latency = None if rng.random() < 0.08 else round(rng.uniform(10, 50) * (8 if slow and rng.random() < 0.5 else 1), 2)
    status = None if rng.random() < 0.05 else (503 if rng.random() < 0.1 else 200)
    amount = None if rng.random() < (0.4 if slow else 0.05) else round(rng.lognormvariate(8.3 if slow else 8, 0.6), 2)
    region = None if rng.random() < 0.03 else rng.choices(REGIONS, [50, 20, 20, 10] if slow else [30, 35, 20, 15])[0]
    rows.append({"request_id": "r%04d" % i, "trace_id": "%032x" % (0xfeed0000 + i), "timestamp": t,
                 "score": score, "prediction": prediction, "label": label, "latency_ms": latency, "status": status,
                 "amount": amount, "region": region})
rows.append({"request_id": "r9999", "trace_id": "%032x" % 0xfeedffff, "timestamp": None, "score": 0.5,
             "prediction": 1, "label": 1, "latency_ms": 5.0, "status": 200, "amount": 100.0, "region": "EU"})

# --- spans: most requests have a trace of 1-4 spans, some with an error span; a few have none ---------------------
spans = []
trace_error = {}
trace_summary = {}
for r in rows:
    if rng.random() < 0.1:
        continue  # no trace imported for this request
    tid = r["trace_id"]
    base = int(((r["timestamp"] or T0) - EPOCH).total_seconds() * 1e9)
    n = rng.randint(1, 4)
    err = False
    items = []
    for s in range(n):
        b = base + (0 if s == 0 else rng.randint(0, 5_000_000))
        e = b + rng.randint(100_000, 40_000_000)
        status = 2 if rng.random() < 0.08 else rng.choice([0, 1])
        err = err or status == 2
        items.append(("%016x" % (len(spans) + s + 1), None if s == 0 else "%016x" % (len(spans) + 1),
                      "api" if s == 0 else "model", "GET /score" if s == 0 else "step%d" % s, b, e, status))
    spans.extend((tid,) + it for it in items)
    trace_error[tid] = err
    first = min(items, key=lambda it: it[4])
    trace_summary[tid] = {"root_service": first[2], "root_name": first[3],
                          "duration_ms": (max(it[5] for it in items) - min(it[4] for it in items)) / 1e6,
                          "spans": len(items), "errors": sum(1 for it in items if it[6] == 2)}


def micros(ts):
    d = ts - EPOCH
    return (d.days * 86400 + d.seconds) * 1_000_000 + d.microseconds


def psi(ref_counts, cur_counts):
    ref = np.asarray(ref_counts, dtype=float)
    cur = np.asarray(cur_counts, dtype=float)
    r = np.where(ref == 0, 0.0001, ref / ref.sum())
    c = np.where(cur == 0, 0.0001, cur / cur.sum())
    return float(np.sum((c - r) * np.log(c / r)))


ref_amount = np.array([x["amount"] for x in reference if x["amount"] is not None])
edges = np.unique(np.quantile(ref_amount, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]))
ref_bins = np.bincount(np.searchsorted(edges, ref_amount, side="left"), minlength=len(edges) + 1)
ref_regions = {}
for x in reference:
    if x["region"] is not None:
        ref_regions[x["region"]] = ref_regions.get(x["region"], 0) + 1


def region_psi(values):
    cur = {}
    for v in values:
        cur[v] = cur.get(v, 0) + 1
    keys = sorted(set(ref_regions) | set(cur))
    return psi([ref_regions.get(k, 0) for k in keys], [cur.get(k, 0) for k in keys])


def timeline(width_s):
    w = width_s * 1_000_000
    timed = [r for r in rows if r["timestamp"] is not None]
    ts = [micros(r["timestamp"]) for r in timed]
    origin = (min(ts) // w) * w
    count = max(ts) // w - min(ts) // w + 1
    out = []
    for k in range(count):
        members = [r for r, t in zip(timed, ts) if (t - origin) // w == k]
        b = {"index": k, "start_micros": origin + k * w, "rows": len(members)}
        lat = [r["latency_ms"] for r in members if r["latency_ms"] is not None]
        b["p95_latency_ms"] = float(np.percentile(lat, 95)) if lat else None
        st = [r["status"] for r in members if r["status"] is not None]
        b["error_rate_status"] = float(np.mean([s >= 500 for s in st])) if st else None
        b["error_checked_status"] = len(st)
        te = [trace_error[r["trace_id"]] for r in members if r["trace_id"] in trace_error]
        b["error_rate_traces"] = float(np.mean(te)) if te else None
        b["error_checked_traces"] = len(te)
        b["mean_score"] = float(np.mean([r["score"] for r in members])) if members else None
        lab = [r for r in members if r["label"] is not None]
        b["accuracy"] = float(np.mean([r["label"] == r["prediction"] for r in lab])) if lab else None
        b["labeled"] = len(lab)
        am = [r["amount"] for r in members if r["amount"] is not None]
        if am:
            cur_bins = np.bincount(np.searchsorted(edges, np.array(am), side="left"), minlength=len(edges) + 1)
            b["amount_psi"] = psi(ref_bins, cur_bins)
            b["amount_mean"] = float(np.mean(am))
        else:
            b["amount_psi"] = None
            b["amount_mean"] = None
        b["amount_null_share"] = (len(members) - len(am)) / len(members) if members else None
        rg = [r["region"] for r in members if r["region"] is not None]
        b["region_psi"] = region_psi(rg) if rg else None
        b["region_null_share"] = (len(members) - len(rg)) / len(members) if members else None
        out.append(b)
    return out


def bucket_requests(start_us, end_us):
    got = []
    for r in rows:
        if r["timestamp"] is None:
            continue
        t = micros(r["timestamp"])
        if start_us <= t < end_us:
            s = trace_summary.get(r["trace_id"])
            got.append({"id": r["request_id"], "trace_id": r["trace_id"], "latency_ms": r["latency_ms"],
                        **({"duration_ms": s["duration_ms"], "spans": s["spans"], "errors": s["errors"],
                            "root_name": s["root_name"]} if s else {"duration_ms": None})})
    return got


os.makedirs(OUT, exist_ok=True)
fmt = lambda v: "" if v is None else v
with open(os.path.join(OUT, "predictions.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["request_id", "trace_id", "timestamp", "score", "prediction", "label", "latency_ms", "status",
                "amount", "region"])
    for r in rows:
        w.writerow([r["request_id"], r["trace_id"],
                    "" if r["timestamp"] is None else r["timestamp"].strftime("%Y-%m-%d %H:%M:%S.%f"),
                    r["score"], r["prediction"], fmt(r["label"]), fmt(r["latency_ms"]), fmt(r["status"]),
                    fmt(r["amount"]), fmt(r["region"])])
with open(os.path.join(OUT, "reference.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["amount", "region"])
    for x in reference:
        w.writerow([fmt(x["amount"]), fmt(x["region"])])
with open(os.path.join(OUT, "spans.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["trace_id", "span_id", "parent_span_id", "service", "name", "start_unix_nano", "end_unix_nano",
                "status"])
    for s in spans:
        w.writerow([s[0], s[1], fmt(s[2]), s[3], s[4], s[5], s[6], s[7]])

minute = timeline(60)
busiest = max(minute, key=lambda b: b["rows"])
expected = {
    "edges": edges.tolist(),
    "reference_amount_null_share": sum(1 for x in reference if x["amount"] is None) / len(reference),
    "reference_amount_mean": float(np.mean(ref_amount)),
    "rows": len(rows),
    "minute": minute,
    "five_minutes": timeline(300),
    "bucket_requests": {"start_micros": busiest["start_micros"], "end_micros": busiest["start_micros"] + 60_000_000,
                        "requests": bucket_requests(busiest["start_micros"], busiest["start_micros"] + 60_000_000)},
}
with open(os.path.join(OUT, "expected.json"), "w") as f:
    json.dump(expected, f, indent=1)
print("minute buckets:", len(minute), "five-minute buckets:", len(expected["five_minutes"]),
      "busiest minute rows:", busiest["rows"], "spans:", len(spans))
