#!/usr/bin/env python3
"""Demo data for the Performance screen and an experiment, through the public API only.

Against a running Credence in the demo (default) profile:
    CREDENCE_DEMO_PASSWORD=… CREDENCE_API_KEY=… python3 benchmarks/demo-outcomes.py [--url http://localhost:8080]
        [--market IN] [--applications 3000]

1. As the demo `reviewer`, starts an A/A experiment in the market (the champion against itself, a 50% split)
   unless one is running, so the experiment screen has two arms to compare.
2. As the loan system, sends --applications decisions: the India seed's prime applicant with the bureau score
   spread uniformly over 600-850 and the income over 40,000-150,000, each from its own customer.
3. For every approved application, sends one outcome record dated today: 8% are never
   taken up (funded false); a funded loan goes bad with probability 0.02 + 0.25 * (850 - bureau score) / 250
   (2% at 850, 27% at 600), half of the bad ones DEFAULTED, half 90-120 days past due with status DELINQUENT;
   the rest are CURRENT with 0-29 days past due. The random generator is seeded (--seed, default 18), so a
   run is repeatable.
Outcomes go in batches of 10,000 at most.

Months on book: the API refuses an outcome dated before its decision or in the future, and the decisions
this script makes are made today, so every loan it sends is at month 0 on book and the vintage chart is a
single point (bad rates, Gini, KS and calibration are all there). For loans funded over past months, with
one observation a month each, use `benchmarks/demo-outcomes-history.sh` instead: it seeds a new data
directory through the same API with a clock walked through the past year (decisions made then, month-end
observations sent then), and starts the workbench on it. The script refuses to run unless the demo `reviewer` can sign in:
the demo users exist only in the demo profile, so demo data never reaches a production database.
"""
import argparse
import base64
import datetime
import json
import os
import random
import sys
import urllib.error
import urllib.request

PRIME = {
    "product": "PERSONAL_LOAN", "channel": "APP",
    "applicant": {"age": 34, "monthlyIncome": 85000, "employmentStatus": "SALARIED", "employmentMonths": 60,
                  "residentialStatus": "RENTER", "dependents": 1, "kycVerified": True},
    "loan": {"amount": 200000, "currency": "INR", "termMonths": 24, "purpose": "DEBT_CONSOLIDATION"},
    "bureau": {"score": 742, "historyMonths": 48, "delinquencies12m": 0, "openLoans": 2, "inquiries6m": 1,
               "monthlyDebtPayments": 12000},
}


def call(url, method="GET", body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            text = response.read().decode()
            return response.status, json.loads(text) if text else None
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--market", default="IN")
    parser.add_argument("--applications", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args()
    password = os.environ.get("CREDENCE_DEMO_PASSWORD")
    key = os.environ.get("CREDENCE_API_KEY")
    if not password or not key:
        sys.exit("set CREDENCE_DEMO_PASSWORD and CREDENCE_API_KEY as the server was started with")
    reviewer = {"Authorization": "Basic " + base64.b64encode(f"reviewer:{password}".encode()).decode()}
    loan_system = {"X-Api-Key": key}
    base = args.url.rstrip("/")
    market = args.market

    status, _ = call(f"{base}/api/v1/markets", headers=reviewer)
    if status != 200:
        sys.exit(f"the demo reviewer cannot sign in ({status}): not a demo-profile instance, so no demo data is sent")

    status, experiments = call(f"{base}/api/v1/markets/{market}/experiments", headers=reviewer)
    running = [e for e in experiments if e["status"] == "RUNNING"] if status == 200 else []
    if running:
        experiment = running[0]["id"]
    else:
        markets = call(f"{base}/api/v1/markets", headers=reviewer)[1]
        champion = next(m for m in markets if m["market"] == market)["champion"]["version"]
        status, started = call(f"{base}/api/v1/markets/{market}/experiments", "POST",
                               {"challengerVersion": champion, "trafficPercent": 50, "mode": "SPLIT"}, reviewer)
        if status != 201:
            sys.exit(f"could not start the demo experiment: {status} {started}")
        experiment = started["id"]

    rng = random.Random(args.seed)
    run = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%d%H%M%S")
    today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    records, decided, approved = [], 0, 0
    for i in range(args.applications):
        application = json.loads(json.dumps(PRIME))
        application["applicationId"] = f"DEMO-{run}-{i}"
        application["market"] = market
        application["applicant"]["customerId"] = f"DEMO-C-{run}-{i}"
        application["applicant"]["monthlyIncome"] = rng.randint(40000, 150000)
        score = rng.randint(600, 850)
        application["bureau"]["score"] = score
        status, decision = call(f"{base}/api/v1/decisions", "POST", application, loan_system)
        if status != 200:
            sys.exit(f"decision {i} failed: {status} {decision}")
        decided += 1
        if decision["outcome"] != "APPROVE":
            continue
        approved += 1
        if rng.random() < 0.08:
            records.append({"applicationId": application["applicationId"], "asOf": today, "funded": False})
            continue
        record = {"applicationId": application["applicationId"], "asOf": today, "funded": True, "fundedAt": today,
                  "fundedAmount": decision.get("approvedAmount", 200000), "principalOutstanding":
                  decision.get("approvedAmount", 200000), "lossAmount": 0}
        if rng.random() < 0.02 + 0.25 * (850 - score) / 250:
            if rng.random() < 0.5:
                record.update(daysPastDue=rng.randint(0, 60), status="DEFAULTED", lossAmount=round(
                    0.6 * record["fundedAmount"]))
            else:
                record.update(daysPastDue=rng.randint(90, 120), status="DELINQUENT")
        else:
            record.update(daysPastDue=rng.randint(0, 29), status="CURRENT")
        records.append(record)

    accepted, rejected = 0, []
    for start in range(0, len(records), 10000):
        status, answer = call(f"{base}/api/v1/outcomes", "POST", {"outcomes": records[start:start + 10000]},
                              loan_system)
        if status != 200:
            sys.exit(f"outcomes refused: {status} {answer}")
        accepted += answer["accepted"]
        rejected += answer["rejected"]
    print(f"{decided} decisions ({approved} approved), {accepted} outcome records stored, {len(rejected)} refused")
    print(f"Performance: {base}/performance   API: {base}/api/v1/markets/{market}/performance")
    print(f"Experiment:  {base}/experiments/{market}/{experiment}")


if __name__ == "__main__":
    main()
