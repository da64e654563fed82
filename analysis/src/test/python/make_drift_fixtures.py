#!/usr/bin/env python3
"""Drift reference fixtures: data files plus the values scipy/numpy compute for them.

Writes analysis/src/test/resources/drift/<case>.csv (a `side` column, `ref` or `cur`, then the features; an empty
field is a null) and expected.json with, per case and feature, every statistic of the contract computed by
scipy/numpy on the non-null values:
  numerical:   ks_2samp(method="asymp") statistic and p-value, wasserstein_distance, normed by max(std_ref, 0.001)
               (np.std, ddof 0), psi and jensenshannon(base=2) on bins cut at np.quantile(ref, [0.1..0.9])
               (linear), duplicates dropped, right-closed; chi2_contingency(correction=False) on the values when
               there are at most 5 distinct values, else on those bins; z-test when that table has 2 columns.
  categorical: one bin per value in either slice; psi, jensenshannon, chi2_contingency(correction=False), and the
               pooled two-proportion z-test (two-sided) for exactly two categories.
plus the method Evidently's automatic rule picks and its verdict. Run from the repository root:
    python3 analysis/src/test/python/make_drift_fixtures.py
"""
import csv
import json
import math
import os

import numpy as np
from scipy import stats
from scipy.spatial.distance import jensenshannon

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "drift")
DECILES = np.array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])


def psi(ref_counts, cur_counts):
    r = np.asarray(ref_counts, float) / np.sum(ref_counts)
    c = np.asarray(cur_counts, float) / np.sum(cur_counts)
    r = np.where(r == 0, 0.0001, r)
    c = np.where(c == 0, 0.0001, c)
    return float(np.sum((c - r) * np.log(c / r)))


def js(ref_counts, cur_counts):
    r = np.asarray(ref_counts, float) / np.sum(ref_counts)
    c = np.asarray(cur_counts, float) / np.sum(cur_counts)
    return float(jensenshannon(r, c, base=2))


def contingency(ref_counts, cur_counts):
    table = np.array([ref_counts, cur_counts], dtype=float)
    table = table[:, table.sum(axis=0) > 0]
    if table.shape[1] < 2:
        return 0.0, 1.0
    chi2, p, _, _ = stats.chi2_contingency(table, correction=False)
    return float(chi2), float(p)


def z_test(ref_counts, cur_counts):
    """Pooled two-proportion z-test on the first category's share, two-sided."""
    n1, n2 = float(np.sum(ref_counts)), float(np.sum(cur_counts))
    x1, x2 = float(ref_counts[0]), float(cur_counts[0])
    pooled = (x1 + x2) / (n1 + n2)
    var = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
    if var <= 0:
        return 1.0
    z = (x1 / n1 - x2 / n2) / math.sqrt(var)
    return float(2 * stats.norm.sf(abs(z)))


def value_counts(ref, cur):
    values = sorted(set(ref.tolist()) | set(cur.tolist()))
    rc = [int(np.sum(ref == v)) for v in values]
    cc = [int(np.sum(cur == v)) for v in values]
    return values, rc, cc


def numerical(ref, cur):
    edges = np.unique(np.quantile(ref, DECILES))
    rb = np.bincount(np.searchsorted(edges, ref, side="left"), minlength=len(edges) + 1)
    cb = np.bincount(np.searchsorted(edges, cur, side="left"), minlength=len(edges) + 1)
    ks = stats.ks_2samp(ref, cur, method="asymp")
    w = float(stats.wasserstein_distance(ref, cur))
    distinct = len(np.unique(np.concatenate([ref, cur])))
    if distinct <= 5:
        _, tr, tc = value_counts(ref, cur)
    else:
        tr, tc = rb.tolist(), cb.tolist()
    chi2, chi2_p = contingency(tr, tc)
    m = {
        "ks_statistic": float(ks.statistic),
        "ks_p_value": float(ks.pvalue),
        "wasserstein": w,
        "wasserstein_normed": w / max(float(np.std(ref)), 0.001),
        "psi": psi(rb, cb),
        "jensen_shannon": js(rb, cb),
        "chi_square": chi2,
        "chi_square_p_value": chi2_p,
    }
    if len(tr) == 2:
        m["z_p_value"] = z_test(tr, tc)
    return m, distinct, {"edges": edges.tolist(), "reference": rb.tolist(), "current": cb.tolist()}


def categorical(ref, cur):
    values, rc, cc = value_counts(ref, cur)
    chi2, chi2_p = contingency(rc, cc)
    m = {"psi": psi(rc, cc), "jensen_shannon": js(rc, cc), "chi_square": chi2, "chi_square_p_value": chi2_p}
    if len(values) == 2:
        m["z_p_value"] = z_test(rc, cc)
    return m, len(values), {"categories": values, "reference": rc, "current": cc}


def automatic(kind, n, distinct, m):
    """Evidently's rule as the contract states it: (method, statistic, drifted)."""
    if n <= 1000:
        if kind == "numerical" and distinct > 5:
            return "ks", m["ks_p_value"], m["ks_p_value"] <= 0.05
        if distinct <= 2:
            return "z", m["z_p_value"], m["z_p_value"] < 0.05
        return "chisquare", m["chi_square_p_value"], m["chi_square_p_value"] < 0.05
    if kind == "numerical" and distinct > 5:
        return "wasserstein", m["wasserstein_normed"], m["wasserstein_normed"] >= 0.1
    return "jensenshannon", m["jensen_shannon"], m["jensen_shannon"] >= 0.1


def with_nulls(rng, values, share):
    values = values.astype(object)
    values[rng.random(len(values)) < share] = None
    return values


def cases():
    rng = np.random.default_rng(20261123)
    out = {}

    # n > 1000: continuous shift, heavy tails, ties, nulls, constants, categories on one side only.
    nr, nc = 4000, 6000
    big = {"ref": {}, "cur": {}}
    big["ref"]["normal_shift"] = rng.normal(10, 2, nr)
    big["cur"]["normal_shift"] = rng.normal(10.6, 2.2, nc)
    big["ref"]["heavy_tail"] = rng.standard_cauchy(nr) * 50
    big["cur"]["heavy_tail"] = rng.standard_cauchy(nc) * 55 + 3
    big["ref"]["ties"] = np.round(rng.gamma(2.0, 1.5, nr), 1)
    big["cur"]["ties"] = np.round(rng.gamma(2.2, 1.5, nc), 1)
    big["ref"]["with_nulls"] = with_nulls(rng, rng.lognormal(0, 1, nr), 0.05)
    big["cur"]["with_nulls"] = with_nulls(rng, rng.lognormal(0.05, 1, nc), 0.3)
    big["ref"]["constant"] = np.full(nr, 3.0)
    big["cur"]["constant"] = np.full(nc, 3.0)
    big["ref"]["constant_ref"] = np.full(nr, 7.0)
    big["cur"]["constant_ref"] = rng.normal(7, 1, nc)
    big["ref"]["few_values"] = rng.integers(0, 4, nr).astype(float)
    big["cur"]["few_values"] = rng.choice([0.0, 1.0, 2.0, 3.0], nc, p=[0.4, 0.3, 0.2, 0.1])
    big["ref"]["almost_same"] = rng.normal(0, 1, nr)
    big["cur"]["almost_same"] = rng.normal(0.02, 1, nc)
    big["ref"]["colour"] = rng.choice(["red", "green", "blue"], nr, p=[0.5, 0.3, 0.2])
    big["cur"]["colour"] = rng.choice(["red", "green", "violet"], nc, p=[0.45, 0.25, 0.3])
    big["ref"]["flag"] = rng.choice(["yes", "no"], nr, p=[0.3, 0.7])
    big["cur"]["flag"] = rng.choice(["yes", "no"], nc, p=[0.33, 0.67])
    big["ref"]["city"] = with_nulls(rng, rng.choice(["Lyon", "Paris", "Nice", "Lille"], nr), 0.1)
    big["cur"]["city"] = with_nulls(rng, rng.choice(["Lyon", "Paris", "Nice", "Lille"], nc), 0.02)
    out["large"] = (big, {"normal_shift": "numerical", "heavy_tail": "numerical", "ties": "numerical",
                          "with_nulls": "numerical", "constant": "numerical", "constant_ref": "numerical",
                          "few_values": "numerical", "almost_same": "numerical", "colour": "categorical",
                          "flag": "categorical", "city": "categorical"})

    # n <= 1000: the p-value tests of the automatic rule.
    nr, nc = 300, 250
    small = {"ref": {}, "cur": {}}
    small["ref"]["amount"] = rng.exponential(20, nr)
    small["cur"]["amount"] = rng.exponential(24, nc)
    small["ref"]["level"] = rng.integers(1, 5, nr).astype(float)
    small["cur"]["level"] = rng.choice([1.0, 2.0, 3.0, 4.0], nc, p=[0.1, 0.2, 0.3, 0.4])
    small["ref"]["plan"] = rng.choice(["free", "pro", "team"], nr)
    small["cur"]["plan"] = rng.choice(["free", "pro", "team", "enterprise"], nc, p=[0.3, 0.3, 0.3, 0.1])
    small["ref"]["binary"] = rng.choice(["a", "b"], nr, p=[0.5, 0.5])
    small["cur"]["binary"] = rng.choice(["a", "b"], nc, p=[0.6, 0.4])
    small["ref"]["same_dist"] = rng.normal(5, 1, nr)
    small["cur"]["same_dist"] = rng.normal(5, 1, nc)
    out["small"] = (small, {"amount": "numerical", "level": "numerical", "plan": "categorical",
                            "binary": "categorical", "same_dist": "numerical"})

    # Large samples with a small shift: the KS p-value's Pelz-Good and Smirnov branches.
    nr, nc = 30000, 20000
    wide = {"ref": {}, "cur": {}}
    wide["ref"]["tiny_shift"] = rng.normal(0, 1, nr)
    wide["cur"]["tiny_shift"] = rng.normal(0.01, 1, nc)
    wide["ref"]["small_shift"] = rng.normal(0, 1, nr)
    wide["cur"]["small_shift"] = rng.normal(0.03, 1, nc)
    wide["ref"]["clear_shift"] = rng.normal(0, 1, nr)
    wide["cur"]["clear_shift"] = rng.normal(0.06, 1, nc)
    out["wide"] = (wide, {"tiny_shift": "numerical", "small_shift": "numerical", "clear_shift": "numerical"})
    return out


def rounded(data):
    """Continuous values rounded to 6 decimals keep the files small; the statistics are computed after rounding."""
    for side in data.values():
        for feat, values in side.items():
            if values.dtype == float:
                side[feat] = np.round(values, 6)
    return data


def cell(v):
    if v is None:
        return ""
    if isinstance(v, (float, np.floating)):
        return repr(float(v))
    return str(v)


def main():
    os.makedirs(OUT, exist_ok=True)
    expected = {}
    for name, (data, kinds) in cases().items():
        data = rounded(data)
        features = list(kinds)
        with open(os.path.join(OUT, name + ".csv"), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["side"] + features)
            for side in ("ref", "cur"):
                n = len(data[side][features[0]])
                for i in range(n):
                    w.writerow([side] + [cell(data[side][feat][i]) for feat in features])
        rows = {side: len(data[side][features[0]]) for side in ("ref", "cur")}
        result = {"rows": rows, "features": {}}
        for feat in features:
            ref_all, cur_all = data["ref"][feat], data["cur"][feat]
            ref = np.array([v for v in ref_all if v is not None])
            cur = np.array([v for v in cur_all if v is not None])
            if kinds[feat] == "numerical":
                ref, cur = ref.astype(float), cur.astype(float)
                metrics, distinct, histogram = numerical(ref, cur)
            else:
                ref, cur = ref.astype(str), cur.astype(str)
                metrics, distinct, histogram = categorical(ref, cur)
            method, statistic, drifted = automatic(kinds[feat], len(ref), distinct, metrics)
            result["features"][feat] = {
                "kind": kinds[feat], "method": method, "statistic": statistic, "drifted": bool(drifted),
                "reference_nulls": 1 - len(ref) / rows["ref"], "current_nulls": 1 - len(cur) / rows["cur"],
                "distinct": distinct, "metrics": metrics, "histogram": histogram,
            }
        expected[name] = result
    # kstwo.sf on a grid crossing every branch of scipy's _kolmogn (small/large n, body and tails).
    grid = []
    for n in [5, 30, 136, 140, 141, 1000, 12000, 100000, 2500000]:
        for nx2 in [0.05, 0.3, 0.7, 1.2, 2.0, 2.5, 4.5, 8.0, 20.0, 60.0]:
            d = math.sqrt(nx2 / n)
            if d < 1:
                grid.append([n, d, float(stats.kstwo.sf(d, n))])
    expected["kstwo_sf"] = grid
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
