#!/usr/bin/python3
"""Reference values for PerformanceStatisticsTest, computed independently of Credence.

Run with Debian's packages (apt-get install -y python3-sklearn, which brings scipy):
    /usr/bin/python3 PerformanceStatisticsTest.py
It rewrites PerformanceStatisticsTest-scores.csv (the loans: case, risk, bad) and
PerformanceStatisticsTest-expected.csv (per case: AUC and Gini from sklearn.metrics.roc_auc_score, which
counts ties half; KS from scipy.stats.ks_2samp of the goods' and bads' risks; Wilson intervals from
scipy.stats.binomtest(...).proportion_ci(method="wilson"); the pooled two-proportion z-test from
scipy.stats.norm). Versions used to produce the committed files: scikit-learn 1.2.1, scipy 1.10.1.
"""
import csv
import random

import numpy as np
from scipy.stats import binomtest, ks_2samp, norm
from sklearn.metrics import roc_auc_score

rng = random.Random(18)
loans = []
cases = {
    # risk rounded to whole points, so many loans tie
    "ties": [(round(rng.gauss(0, 1) * 10), None) for _ in range(400)],
    # a strong model: bad probability rises steeply with risk
    "strong": [(rng.uniform(0, 1), None) for _ in range(1000)],
    # a useless one: labels independent of risk
    "random": [(rng.uniform(0, 1), None) for _ in range(500)],
}
rows = []
for name, points in cases.items():
    for risk, _ in points:
        if name == "random":
            bad = rng.random() < 0.2
        else:
            p = 1 / (1 + np.exp(-(risk / (10 if name == "ties" else 0.15) - (0 if name == "ties" else 4))))
            bad = rng.random() < p
        rows.append((name, risk, 1 if bad else 0))

with open("PerformanceStatisticsTest-scores.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["case", "risk", "bad"])
    for r in rows:
        w.writerow(r)

with open("PerformanceStatisticsTest-expected.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["kind", "case", "a", "b", "c", "d", "expected1", "expected2"])
    for name in cases:
        risk = [r[1] for r in rows if r[0] == name]
        bad = [r[2] for r in rows if r[0] == name]
        auc = roc_auc_score(bad, risk)
        goods = [x for x, y in zip(risk, bad) if y == 0]
        bads = [x for x, y in zip(risk, bad) if y == 1]
        ks = ks_2samp(goods, bads).statistic
        w.writerow(["rank", name, "", "", "", "", repr(auc), repr(ks)])
    for k, n in [(0, 10), (1, 10), (5, 10), (10, 10), (3, 1000), (120, 1500), (1, 1)]:
        ci = binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
        w.writerow(["wilson", f"{k}/{n}", k, n, "", "", repr(ci.low), repr(ci.high)])
    for x1, n1, x2, n2 in [(50, 1000, 70, 1000), (30, 400, 28, 420), (5, 50, 0, 40), (200, 5000, 260, 5200)]:
        p1, p2 = x1 / n1, x2 / n2
        pooled = (x1 + x2) / (n1 + n2)
        z = (p2 - p1) / np.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
        w.writerow(["difference", f"{x1}/{n1} vs {x2}/{n2}", x1, n1, x2, n2, repr(z), repr(2 * norm.sf(abs(z)))])
