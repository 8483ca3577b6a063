#!/usr/bin/env python3
"""Writes the inputs of spark-backtest.sh: spec.json (GB seed as v1, v2 with a lower income floor, digests
computed as PolicyPackage.digest() does) and N synthetic applications made from the German credit demo rows,
each copy's age, income and amount moved a little so that no two rows are alike.

usage: spark-backtest-data.py ROOT OUT_DIR ROWS"""
import csv, hashlib, json, os, sys

root, out, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(out, exist_ok=True)

def package(market):
    arts = {}
    for name in ("fraud.drl", "approval.drl", "pricing.drl", "market.json", "reasons.json"):
        with open(os.path.join(root, "rules", market, name), encoding="utf-8") as f:
            arts[name] = f.read()
    with open(os.path.join(root, "pmml-models", market, "scorecard.pmml"), encoding="utf-8") as f:
        arts["scorecard.pmml"] = f.read()
    return arts

def digest(arts):
    sha = hashlib.sha256()
    for name in sorted(arts):
        content = arts[name].encode("utf-8")
        sha.update(name.encode("utf-8")); sha.update(b"\0")
        sha.update(str(len(content)).encode("ascii")); sha.update(b"\0")
        sha.update(content)
    return "sha256:" + sha.hexdigest()

seed = package("GB")
lowered = dict(seed)
lowered["approval.drl"] = seed["approval.drl"].replace("monthlyIncome > 0, monthlyIncome < 1000",
                                                       "monthlyIncome > 0, monthlyIncome < 700")
spec = {"market": "GB", "version": 2, "against": 1, "minBandCount": 20, "policies": [
    {"version": 2, "status": "DRAFT", "digest": digest(lowered), "artifacts": lowered},
    {"version": 1, "status": "ACTIVE", "digest": digest(seed), "artifacts": seed}]}
with open(os.path.join(out, "spec.json"), "w", encoding="utf-8") as f:
    json.dump(spec, f)

target = os.path.join(out, "applications-%d.csv" % rows)
if not os.path.exists(target):
    with open(os.path.join(root, "policy-engine/src/main/resources/demo/german-credit-GB.csv"), encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        base = [r for r in reader if r]
    col = {name: i for i, name in enumerate(header)}
    tmp = target + ".part"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for i in range(rows):
            r = list(base[i % len(base)])
            k = i // len(base)
            r[col["applicant.customerId"]] = "SYN-%d" % i
            r[col["applicant.age"]] = str(min(80, max(18, int(r[col["applicant.age"]]) + (k % 7) - 3)))
            r[col["applicant.monthlyIncome"]] = str(int(int(r[col["applicant.monthlyIncome"]]) * (0.8 + (k % 41) / 100)))
            r[col["loan.amount"]] = str(int(int(r[col["loan.amount"]]) * (0.85 + (k % 31) / 100)))
            w.writerow(r)
    os.rename(tmp, target)
print(target)
