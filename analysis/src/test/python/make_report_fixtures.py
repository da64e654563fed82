#!/usr/bin/python3
"""Reference values for Inquest's model-quality metrics, computed by scikit-learn and numpy.

Run with Debian's interpreter (apt-get install python3-sklearn):

    /usr/bin/python3 analysis/src/test/python/make_report_fixtures.py

It writes fixture CSV files and one expected-values JSON under analysis/src/test/resources/report/. The Java tests
read only these outputs; they never run Python. Values that would be undefined (e.g. a TPR for a group with no
positives) are written as null.
"""
import json
import math
import os

import numpy as np
import sklearn
from sklearn import metrics
from sklearn.calibration import calibration_curve

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "report")
rng = np.random.RandomState(20261123)


def fnum(x):
    if x is None:
        return None
    x = float(x)
    return None if math.isnan(x) else x


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(",".join(header) + "\n")
        for r in rows:
            f.write(",".join("" if v is None else str(v) for v in r) + "\n")


# ---------------------------------------------------------------------------------------------- binary classification
N = 2000
group = np.array(["A"] * 1200 + ["B"] * 780 + ["C"] * 20)
rng.shuffle(group)
truth = np.where(group == "A", rng.rand(N) < 0.45, rng.rand(N) < 0.30).astype(int)
raw = np.clip(0.5 + (truth - 0.5) * 0.35 + rng.normal(0, 0.22, N) + np.where(group == "B", -0.08, 0.0), 0, 1)
score = np.round(raw, 2)                      # two decimals: many ties, exact 0 and 1, values on the bin edges
label = truth.astype(object)
missing = rng.rand(N) < 0.05                  # late ground truth: no label yet
label[missing] = None
prediction = ((score >= 0.4) ^ (rng.rand(N) < 0.1)).astype(int)   # a stored prediction that differs from score>=0.5
latency = np.round(rng.lognormal(3.0, 0.6, N), 3)
error = rng.rand(N) < 0.03
write_csv(os.path.join(OUT, "binary.csv"),
          ["id", "score", "label", "prediction", "grp", "latency_ms", "error"],
          [(i, "%.2f" % score[i], label[i], prediction[i], group[i], "%.3f" % latency[i],
            "true" if error[i] else "false") for i in range(N)])

lab = ~missing
y = truth[lab]
p = score[lab]


def binary_metrics(y_true, y_pred, y_score):
    tn, fp, fn, tp = metrics.confusion_matrix(y_true, y_pred, labels=[0, 1]).ravel()
    return {
        "rows": N,
        "labeled": int(len(y_true)),
        "accuracy": metrics.accuracy_score(y_true, y_pred),
        "precision": metrics.precision_score(y_true, y_pred),
        "recall": metrics.recall_score(y_true, y_pred),
        "f1": metrics.f1_score(y_true, y_pred),
        "roc_auc": metrics.roc_auc_score(y_true, y_score),
        "log_loss": metrics.log_loss(y_true, y_score, eps=1e-15),
        "brier": metrics.brier_score_loss(y_true, y_score),
        "confusion": {"tp": int(tp), "fp": int(fp), "tn": int(tn), "fn": int(fn)},
    }


expected = {"generator": "scikit-learn " + sklearn.__version__ + ", numpy " + np.__version__}
expected["binary_threshold_0_5"] = binary_metrics(y, (p >= 0.5).astype(int), p)
expected["binary_threshold_0_3"] = binary_metrics(y, (p >= 0.3).astype(int), p)
expected["binary_prediction_column"] = binary_metrics(y, prediction[lab], p)


def calibration(y_true, y_prob, strategy):
    n_bins = 10
    if strategy == "quantile":
        bins = np.percentile(y_prob, np.linspace(0, 1, n_bins + 1) * 100)
    else:
        bins = np.linspace(0.0, 1.0, n_bins + 1)
    prob_true, prob_pred = calibration_curve(y_true, y_prob, n_bins=n_bins, strategy=strategy)
    binids = np.searchsorted(bins[1:-1], y_prob)
    counts = np.bincount(binids, minlength=len(bins))
    nonzero = np.nonzero(counts)[0]
    out = []
    for k, b in enumerate(nonzero):
        out.append({"lower": float(bins[b]), "upper": float(bins[b + 1]), "count": int(counts[b]),
                    "mean_predicted": float(prob_pred[k]), "fraction_positive": float(prob_true[k])})
    gaps = np.abs(prob_true - prob_pred)
    weights = counts[nonzero] / len(y_prob)
    return {"ece": float(np.sum(weights * gaps)), "mce": float(np.max(gaps)), "bins": out}


expected["calibration_uniform"] = calibration(y, p, "uniform")
expected["calibration_quantile"] = calibration(y, p, "quantile")


def fairness(y_true, y_pred, groups):
    """fairlearn's MetricFrame / *_difference(method="between_groups") written out with numpy."""
    out = []
    for g in sorted(set(groups)):
        m = groups == g
        yt, yp = y_true[m], y_pred[m]
        pos, neg = yt == 1, yt == 0
        out.append({"group": g, "rows": int(m.sum()),
                    "selection_rate": float(yp.mean()),
                    "tpr": float(yp[pos].mean()) if pos.any() else None,
                    "fpr": float(yp[neg].mean()) if neg.any() else None,
                    "accuracy": float((yt == yp).mean())})
    sel = [r["selection_rate"] for r in out]
    tpr = [r["tpr"] for r in out if r["tpr"] is not None]
    fpr = [r["fpr"] for r in out if r["fpr"] is not None]
    return {"groups": out,
            "demographic_parity_difference": max(sel) - min(sel),
            "demographic_parity_ratio": min(sel) / max(sel),
            "equalized_odds_difference": max(max(tpr) - min(tpr), max(fpr) - min(fpr)),
            "equal_opportunity_difference": max(tpr) - min(tpr)}


expected["fairness_grp"] = fairness(y, (p >= 0.5).astype(int), group[lab])


def auc_or_none(y_true, y_score):
    return float(metrics.roc_auc_score(y_true, y_score)) if len(set(y_true)) == 2 else None


# ROC AUC of each group alone (the report's per-version AUCs come from the same sorted pass as the overall one).
expected["roc_auc_by_grp"] = {g: auc_or_none(y[group[lab] == g], p[group[lab] == g])
                              for g in sorted(set(group[lab]))}

expected["latency"] = {
    "p50": float(np.percentile(latency, 50)),   # numpy's default: linear interpolation
    "p95": float(np.percentile(latency, 95)),
    "p99": float(np.percentile(latency, 99)),
    "mean": float(np.mean(latency)),
    "max": float(np.max(latency)),
    "error_rate": float(error.mean()),
    "rows": N,
}

# ---------------------------------------------------------------------------------------------------- regression
R = 500
y_reg = np.round(rng.gamma(3.0, 20.0, R) + 1.0, 4)
y_hat = np.round(y_reg * rng.normal(1.0, 0.15, R) + rng.normal(0, 3, R), 4)
reg_missing = rng.rand(R) < 0.04
write_csv(os.path.join(OUT, "regression.csv"), ["id", "target", "y_pred"],
          [(i, None if reg_missing[i] else "%.4f" % y_reg[i], "%.4f" % y_hat[i]) for i in range(R)])
yt, yp = y_reg[~reg_missing], y_hat[~reg_missing]
expected["regression"] = {
    "rows": R, "labeled": int(len(yt)),
    "mae": metrics.mean_absolute_error(yt, yp),
    "rmse": math.sqrt(metrics.mean_squared_error(yt, yp)),
    "mape": metrics.mean_absolute_percentage_error(yt, yp),
    "r2": metrics.r2_score(yt, yp),
}

# --------------------------------------------------------------------------------------------------- multi-class
M = 900
classes = np.array(["cat", "dog", "fox", "owl"])
true_mc = rng.choice(4, M, p=[0.4, 0.3, 0.2, 0.1])
pred_mc = np.where(rng.rand(M) < 0.7, true_mc, rng.choice(4, M))
pred_mc[(true_mc == 3) & (rng.rand(M) < 0.5)] = 0      # owls are often called cats
mc_missing = rng.rand(M) < 0.03
write_csv(os.path.join(OUT, "multiclass.csv"), ["id", "label", "prediction"],
          [(i, None if mc_missing[i] else classes[true_mc[i]], classes[pred_mc[i]]) for i in range(M)])
lt, lp = classes[true_mc[~mc_missing]], classes[pred_mc[~mc_missing]]
labels_union = sorted(set(lt) | set(lp))
recalls = metrics.recall_score(lt, lp, labels=labels_union, average=None)
expected["multiclass"] = {
    "rows": M, "labeled": int(len(lt)),
    "accuracy": metrics.accuracy_score(lt, lp),
    "macro_f1": metrics.f1_score(lt, lp, average="macro"),
    "weighted_f1": metrics.f1_score(lt, lp, average="weighted"),
    "per_class_recall": {c: float(r) for c, r in zip(labels_union, recalls)},
}

# ------------------------------------------------------------------- breakdowns: per version, per segment, per window
# grouped.csv: six days of a binary classifier with a version (v2 is a canary from day 5), a region (segment) and a
# gender (sensitive, with a small group X). The report takes days 1-3 as the reference and days 4-6 as the current
# slice, --segment-by region, --sensitive gender, --by day. Its own RandomState, so the fixtures above stay as they
# were.
grng = np.random.RandomState(20261206)
G = 3600
g_day = np.sort(grng.randint(0, 6, G))
g_ts = np.array(["2026-03-%02d %02d:%02d:%02d" % (1 + d, grng.randint(24), grng.randint(60), grng.randint(60))
                 for d in g_day])
g_version = np.where((g_day >= 4) & (grng.rand(G) < 0.4), "v2", "v1")
g_region = grng.choice(["APAC", "EU", "US"], G, p=[0.2, 0.35, 0.45])
g_gender = grng.choice(["F", "M", "X"], G, p=[0.48, 0.49, 0.03])
g_truth = (grng.rand(G) < np.where(g_region == "EU", 0.35, 0.5)).astype(int)
g_raw = 0.5 + (g_truth - 0.5) * 0.4 + grng.normal(0, 0.2, G)
g_raw = g_raw + np.where(g_version == "v2", 0.12, 0.0) + np.where(g_gender == "F", -0.05, 0.0)
g_score = np.round(np.clip(g_raw, 0, 1), 2)   # two decimals: ties and scores on the bin edges again
g_missing = grng.rand(G) < 0.06
g_latency = np.round(grng.lognormal(3.2, 0.5, G), 2)
write_csv(os.path.join(OUT, "grouped.csv"),
          ["id", "ts", "model_version", "region", "gender", "score", "label", "latency_ms"],
          [(i, g_ts[i], g_version[i], g_region[i], g_gender[i], "%.2f" % g_score[i],
            None if g_missing[i] else int(g_truth[i]), "%.2f" % g_latency[i]) for i in range(G)])


def fairness_or_nulls(y_true, y_pred, groups):
    """As fairness(), but a disparity over fewer than two defined rates is null (as the report writes it)."""
    f = fairness(y_true, y_pred, groups)
    sel = [r["selection_rate"] for r in f["groups"]]
    tpr = [r["tpr"] for r in f["groups"] if r["tpr"] is not None]
    fpr = [r["fpr"] for r in f["groups"] if r["fpr"] is not None]
    spread = lambda v: max(v) - min(v) if len(v) >= 2 else None
    f["demographic_parity_difference"] = spread(sel)
    f["demographic_parity_ratio"] = min(sel) / max(sel) if len(sel) >= 2 and max(sel) > 0 else None
    f["equal_opportunity_difference"] = spread(tpr)
    odds = [v for v in (spread(tpr), spread(fpr)) if v is not None]
    f["equalized_odds_difference"] = max(odds) if odds else None
    return f


def breakdown(mask):
    """Calibration (both strategies) and fairness by gender of the labeled rows in mask."""
    m = mask & ~g_missing
    yt, ps = g_truth[m], g_score[m]
    return {"calibration_uniform": calibration(yt, ps, "uniform"),
            "calibration_quantile": calibration(yt, ps, "quantile"),
            "fairness_gender": fairness_or_nulls(yt, (ps >= 0.5).astype(int), g_gender[m])}


sides = {"reference": g_day < 3, "current": g_day >= 3}
grouped = {"rows": G}
for side, in_side in sides.items():
    grouped[side] = {
        "whole": breakdown(in_side),
        "by_model_version": {v: breakdown(in_side & (g_version == v)) for v in sorted(set(g_version[in_side]))},
        "by_region": {r: breakdown(in_side & (g_region == r)) for r in sorted(set(g_region[in_side]))},
    }
grouped["windows"] = [dict(start="2026-03-%02d 00:00:00" % (1 + d), rows=int((g_day == d).sum()),
                           **breakdown(g_day == d)) for d in range(3, 6)]
expected["grouped"] = grouped

with open(os.path.join(OUT, "expected.json"), "w", encoding="utf-8") as f:
    json.dump(expected, f, indent=2, sort_keys=True)
    f.write("\n")
print("wrote", OUT)
