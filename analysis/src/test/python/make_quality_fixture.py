#!/usr/bin/env python3
"""Writes the data-quality fixture (two CSV slices) and the values Inquest must report for it, computed here
independently with numpy and the Python standard library.

Run from the repository root:  python3 analysis/src/test/python/make_quality_fixture.py
Outputs: analysis/src/test/resources/quality/{reference.csv,current.csv,expected.json}
"""
import csv
import json
import os
from collections import Counter
from datetime import datetime, timedelta

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "quality")
rng = np.random.default_rng(20260101)


def with_nulls(values, count):
    values = list(values)
    for i in rng.choice(len(values), size=count, replace=False):
        values[int(i)] = None
    return values


def make_reference(n=40):
    return {
        "id": list(range(1, n + 1)),
        "ts": [(datetime(2026, 1, 1) + timedelta(hours=i)).strftime("%Y-%m-%d %H:%M:%S") for i in range(n)],
        "amount": with_nulls(np.round(rng.normal(50, 10, n), 2).tolist(), 4),
        "age": with_nulls(rng.integers(18, 71, n).tolist(), 2),
        "country": with_nulls(rng.choice(["DE", "FR", "IT", "ES"], n, p=[0.4, 0.3, 0.2, 0.1]).tolist(), 3),
        "flag": rng.choice(["true", "false"], n).tolist(),
        "only_ref": rng.choice(["a", "b"], n).tolist(),
        "changed": rng.integers(1, 6, n).tolist(),
        "const_col": rng.integers(0, 4, n).tolist(),
    }


def make_current(n=30):
    return {
        "id": list(range(1001, 1001 + n)),
        "ts": [(datetime(2026, 2, 1) + timedelta(hours=i)).strftime("%Y-%m-%d %H:%M:%S") for i in range(n)],
        "amount": with_nulls(np.round(rng.normal(60, 15, n), 2).tolist(), 8),
        "age": rng.integers(10, 91, n).tolist(),
        "country": with_nulls(rng.choice(["DE", "FR", "PL", "NL", "US"], n, p=[0.3, 0.2, 0.2, 0.2, 0.1]).tolist(),
                              10),
        "flag": rng.choice(["true", "false"], n).tolist(),
        "changed": rng.choice(["x", "y"], n).tolist(),
        "const_col": [2] * n,
        "only_cur": rng.integers(0, 100, n).tolist(),
    }


def write_csv(path, table):
    names = list(table)
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(names)
        for row in zip(*(table[c] for c in names)):
            w.writerow(["" if v is None else v for v in row])


NUMERIC = {"amount", "age", "changed", "const_col", "only_cur"}


def stats(values, numeric, categorical):
    present = [v for v in values if v is not None]
    out = {"rows": len(values), "nulls": len(values) - len(present),
           "null_share": (len(values) - len(present)) / len(values), "distinct": len(set(present))}
    if numeric and present:
        a = np.array(present, dtype=float)
        out.update({"min": float(a.min()), "max": float(a.max()), "mean": float(a.mean()),
                    "std": float(a.std(ddof=0)),
                    "quantiles": {k: float(np.quantile(a, q)) for k, q in
                                  zip(["p05", "p25", "p50", "p75", "p95"], [0.05, 0.25, 0.5, 0.75, 0.95])}})
    if categorical:
        counts = Counter(str(v) for v in present)
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
        out["top"] = [{"value": v, "count": c, "share": c / len(present)} for v, c in top]
    return out


def main():
    ref, cur = make_reference(), make_current()
    os.makedirs(OUT, exist_ok=True)
    write_csv(os.path.join(OUT, "reference.csv"), ref)
    write_csv(os.path.join(OUT, "current.csv"), cur)

    # kinds as Inquest assigns them for this fixture (roles id/timestamp set by the test)
    categorical = {"country", "flag", "only_ref"}
    columns = {}
    for name in list(ref) + [c for c in cur if c not in ref]:
        entry = {}
        r = ref.get(name)
        c = cur.get(name)
        ref_numeric = name in NUMERIC and name != "id"
        cur_numeric = (name in NUMERIC or name == "id") and name != "changed"
        if r is not None:
            entry["reference"] = stats(r, ref_numeric, name in categorical)
        if c is not None:
            entry["current"] = stats(c, cur_numeric and name != "id", name in categorical or name == "changed")
        findings = []
        if r is not None and c is not None:
            rs, cs = entry["reference"], entry["current"]
            change = cs["null_share"] - rs["null_share"]
            entry["null_share_change"] = change
            if change > 0.20:
                findings.append("critical")
            elif change > 0.05:
                findings.append("warning")
            if rs["distinct"] > 1 and cs["distinct"] == 1 and len([v for v in c if v is not None]) > 1:
                findings.append("warning")
            if name in categorical:
                ref_set = {str(v) for v in r if v is not None}
                cur_counts = Counter(str(v) for v in c if v is not None)
                new = sorted(((v, n) for v, n in cur_counts.items() if v not in ref_set), key=lambda kv: (-kv[1], kv[0]))
                entry["new_categories"] = [v for v, _ in new]
                entry["new_category_count"] = len(new)
                entry["new_category_rows"] = sum(n for _, n in new)
                share = entry["new_category_rows"] / sum(cur_counts.values())
                if share > 0.10:
                    findings.append("critical")
                elif share > 0:
                    findings.append("warning")
            if name in {"amount", "age", "const_col"}:
                lo, hi = rs["min"], rs["max"]
                cur_present = [v for v in c if v is not None]
                oor = sum(1 for v in cur_present if v < lo or v > hi)
                entry["out_of_range"] = oor
                share = oor / len(cur_present)
                if share > 0.10:
                    findings.append("critical")
                elif share > 0.01:
                    findings.append("warning")
        if name == "changed":
            findings.append("critical")  # INTEGER -> VARCHAR changes the type class
        if r is None:
            findings.append("warning")
        if c is None:
            findings.append("critical")
        entry["severity"] = "critical" if "critical" in findings else "warning" if findings else "ok"
        columns[name] = entry
    expected = {
        "reference_rows": len(ref["id"]),
        "current_rows": len(cur["id"]),
        "columns": columns,
        "schema": {"missing": ["only_ref"], "added": ["only_cur"], "type_changed": ["changed"]},
    }
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
