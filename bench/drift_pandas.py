#!/usr/bin/env python3
"""The pandas + scipy baseline for the CSV drift benchmark (docs/PERFORMANCE.md, "Drift").

Does what `inquest import` + `inquest drift` do for two CSV files: read both, take every feature column (not one of
the contract's role names), and compute per numerical feature the KS statistic and asymptotic p-value, the
Wasserstein distance (and normed), PSI and Jensen-Shannon on the reference deciles, and per categorical feature PSI,
Jensen-Shannon and chi-square; then Evidently's automatic verdict. Prints the drifted features and the time.
Usage: drift_pandas.py REFERENCE.csv CURRENT.csv
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial.distance import jensenshannon

ROLES = {"id", "request_id", "prediction_id", "event_id", "timestamp", "ts", "event_time", "time", "created_at",
         "model_version", "version", "model", "score", "probability", "proba", "y_score", "prediction_score",
         "prediction", "predicted_label", "y_pred", "label", "actual", "ground_truth", "y_true", "target",
         "latency_ms", "latency", "duration_ms", "trace_id", "traceid"}
DECILES = np.array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])


def proportions(counts):
    counts = np.asarray(counts, float)
    return counts / counts.sum()


def psi(r, c):
    r, c = proportions(r), proportions(c)
    r, c = np.where(r == 0, 0.0001, r), np.where(c == 0, 0.0001, c)
    return float(np.sum((c - r) * np.log(c / r)))


def numerical(ref, cur):
    edges = np.unique(np.quantile(ref, DECILES))
    rb = np.bincount(np.searchsorted(edges, ref, side="left"), minlength=len(edges) + 1)
    cb = np.bincount(np.searchsorted(edges, cur, side="left"), minlength=len(edges) + 1)
    ks = stats.ks_2samp(ref, cur, method="asymp")
    w = stats.wasserstein_distance(ref, cur)
    m = {"ks_statistic": ks.statistic, "ks_p_value": ks.pvalue, "wasserstein": w,
         "wasserstein_normed": w / max(np.std(ref), 0.001), "psi": psi(rb, cb),
         "jensen_shannon": float(jensenshannon(proportions(rb), proportions(cb), base=2))}
    distinct = len(np.unique(np.concatenate([ref, cur])))
    if len(ref) <= 1000:
        method, stat, drifted = "ks", m["ks_p_value"], m["ks_p_value"] <= 0.05
    elif distinct > 5:
        method, stat, drifted = "wasserstein", m["wasserstein_normed"], m["wasserstein_normed"] >= 0.1
    else:
        method, stat, drifted = "jensenshannon", m["jensen_shannon"], m["jensen_shannon"] >= 0.1
    return method, stat, drifted, m


def categorical(ref, cur):
    counts = pd.concat([ref.value_counts().rename("r"), cur.value_counts().rename("c")], axis=1).fillna(0)
    r, c = counts["r"].to_numpy(), counts["c"].to_numpy()
    chi2, p, _, _ = stats.chi2_contingency(np.array([r, c]), correction=False)
    m = {"psi": psi(r, c), "jensen_shannon": float(jensenshannon(proportions(r), proportions(c), base=2)),
         "chi_square": chi2, "chi_square_p_value": p}
    if len(ref) <= 1000:
        return "chisquare", p, p < 0.05, m
    return "jensenshannon", m["jensen_shannon"], m["jensen_shannon"] >= 0.1, m


def main(ref_path, cur_path):
    t0 = time.perf_counter()
    ref_df, cur_df = pd.read_csv(ref_path), pd.read_csv(cur_path)
    t_read = time.perf_counter() - t0
    result = {}
    for col in ref_df.columns:
        if col.lower() in ROLES or col not in cur_df.columns:
            continue
        ref, cur = ref_df[col].dropna(), cur_df[col].dropna()
        is_num = pd.api.types.is_numeric_dtype(ref) and not pd.api.types.is_bool_dtype(ref) \
            and pd.concat([ref, cur]).nunique() > 2
        if is_num:
            method, stat, drifted, m = numerical(ref.to_numpy(float), cur.to_numpy(float))
        else:
            method, stat, drifted, m = categorical(ref.astype(str), cur.astype(str))
        result[col] = {"method": method, "statistic": float(stat), "drifted": bool(drifted),
                       "metrics": {k: float(v) for k, v in m.items()}}
    total = time.perf_counter() - t0
    print(json.dumps({"read_seconds": round(t_read, 2), "total_seconds": round(total, 2),
                      "drifted": [k for k, v in result.items() if v["drifted"]], "features": result}, indent=1))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
