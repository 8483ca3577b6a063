#!/usr/bin/env python3
"""Bounded demo traffic for a Credence running on this machine, to fill the dashboard with real metrics.

  history: N decisions per seed market, as fast as 4 workers go (the week of history for drift,
           which is then moved into the past seven days while Credence is stopped; see operations.md)
  live:    a steady mix at --rate decisions/s for --minutes, with a deploy and a rollback in IN, a faulty
           version in PH for a minute, IN backtests now and then, and from --shift-at minutes on an IN
           applicant mix that drifts.

Only talks to 127.0.0.1/localhost; stops by itself. Standard library only.
"""
import argparse, base64, json, random, threading, time, urllib.error, urllib.parse, urllib.request, uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[2] / "policy-engine/src/test/resources/io/credence/decision/DecisionApiIT"
MARKETS = ["IN", "BR", "GB", "ID", "MX", "PH"]
WEIGHTS = [4, 1, 1, 1, 1, 1]
LEAKY_RULE = """
rule "customer number as an integer"
when
    $a : Applicant()
    $d : Decision()
then
    int number = Integer.parseInt($a.getCustomerId());
    $d.capAmount(number);
end
"""


class Credence:
    def __init__(self, base, api_key, password):
        host = urllib.parse.urlparse(base).hostname
        if host not in ("127.0.0.1", "localhost"):
            raise SystemExit("demo-load only talks to a Credence on this machine")
        self.base, self.api_key, self.password = base.rstrip("/"), api_key, password
        self.templates = {m: json.loads((FIXTURES / f"prime-{m}.json").read_text()) for m in MARKETS}
        self.counts = {}
        self.lock = threading.Lock()

    def call(self, method, path, body=None, user=None):
        headers = {"Content-Type": "application/json"}
        if user:
            headers["Authorization"] = "Basic " + base64.b64encode(f"{user}:{self.password}".encode()).decode()
        else:
            headers["X-Api-Key"] = self.api_key
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode(errors="replace")

    def application(self, market, drifted=False):
        a = json.loads(json.dumps(self.templates[market]))
        suffix = uuid.uuid4().hex[:16]
        a["applicationId"] = f"DEMO-{suffix}"
        a["applicant"]["customerId"] = f"C-{suffix}"
        if a.get("device"):
            a["device"]["fingerprint"] = f"d-{suffix}"
        a["applicant"]["monthlyIncome"] = round(a["applicant"]["monthlyIncome"] * random.uniform(0.6, 1.4))
        a["applicant"]["kycVerified"] = random.random() > 0.08
        bureau = a.get("bureau")
        if bureau and bureau.get("score"):
            factor = random.uniform(0.55, 0.72) if drifted else random.uniform(0.78, 1.0)
            bureau["score"] = int(bureau["score"] * factor)
            if drifted:
                bureau["delinquencies12m"] = random.randint(1, 4)
        return a

    def decide(self, market, drifted=False):
        status, _ = self.call("POST", "/api/v1/decisions", self.application(market, drifted))
        with self.lock:
            self.counts[status] = self.counts.get(status, 0) + 1

    def release(self, market, extra_rule, note):
        """A new version of the market (the champion with a rule appended), reviewed and deployed."""
        markets = {m["market"]: m for m in self.call("GET", "/api/v1/markets", user="analyst")[1]}
        champion = markets[market]["champion"]["version"]
        current = self.call("GET", f"/api/v1/markets/{market}/versions/{champion}", user="analyst")[1]
        approval = current["artifacts"]["approval.drl"] + extra_rule
        status, created = self.call("POST", f"/api/v1/markets/{market}/versions",
                                    {"basedOn": champion, "artifacts": {"approval.drl": approval}, "note": note}, "analyst")
        version = created["version"]
        path = f"/api/v1/markets/{market}/versions/{version}"
        self.call("POST", path + "/submit", {}, "analyst")
        self.call("POST", path + "/approve", {"comment": "demo"}, "reviewer")
        print(time.strftime("%H:%M:%S"), market, "deploy v%d:" % version, self.call("POST", path + "/deploy", {}, "admin")[0])

    def backtest(self, market):
        """The market's latest version against its champion on the logged decisions."""
        markets = {m["market"]: m for m in self.call("GET", "/api/v1/markets", user="analyst")[1]}
        champion = markets[market]["champion"]["version"]
        latest = max(v["version"] for v in self.call("GET", f"/api/v1/markets/{market}/versions", user="analyst")[1])
        status, body = self.call("POST", f"/api/v1/markets/{market}/simulations",
                                 {"version": latest, "against": champion, "source": "decisions", "limit": 20000}, "analyst")
        print(time.strftime("%H:%M:%S"), market, f"backtest v{latest} against v{champion}:", status, body)

    def rollback(self, market):
        print(time.strftime("%H:%M:%S"), market, "rollback:", self.call("POST", f"/api/v1/markets/{market}/rollback", {}, "admin")[0])


def history(credence, per_market):
    with ThreadPoolExecutor(4) as pool:
        for market in MARKETS:
            for _ in range(per_market):
                pool.submit(credence.decide, market)
    print("history done:", credence.counts)


def live(credence, rate, minutes, shift_at, kinds):
    events = {}
    if "deploy" in kinds:
        events[2.0] = lambda: credence.release("IN", "\n// demo: a comment-only change\n", "demo deploy")
        events[3.0] = lambda: credence.rollback("IN")
    if "fault" in kinds:
        events[4.0] = lambda: credence.release("PH", LEAKY_RULE, "demo: a policy bug")
        events[5.0] = lambda: credence.rollback("PH")
    if "backtest" in kinds:
        for at in (1.0, 2.5, 6.5, 8.0):
            events[at + 0.01] = lambda: credence.backtest("IN")
    started = time.monotonic()
    deadline = started + minutes * 60
    sent = 0
    with ThreadPoolExecutor(4) as pool:
        while time.monotonic() < deadline:
            elapsed_min = (time.monotonic() - started) / 60
            for at in sorted(events):
                if elapsed_min >= at:
                    pool.submit(events.pop(at))
            market = random.choices(MARKETS, WEIGHTS)[0]
            drifted = market == "IN" and elapsed_min >= shift_at and random.random() < 0.8
            pool.submit(credence.decide, market, drifted)
            sent += 1
            # Paced: the next request leaves when the schedule says, never in a burst to catch up.
            time.sleep(max(0.0, started + sent / rate - time.monotonic()))
    print("live done:", sent, "sent;", credence.counts)


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("phase", choices=["history", "live"])
    p.add_argument("--base-url", default="http://127.0.0.1:8080")
    p.add_argument("--api-key", required=True)
    p.add_argument("--password", required=True)
    p.add_argument("--per-market", type=int, default=600)
    p.add_argument("--rate", type=float, default=12)
    p.add_argument("--minutes", type=float, default=10)
    p.add_argument("--shift-at", type=float, default=5.5)
    p.add_argument("--events", default="deploy,fault,backtest", help="which of deploy, fault, backtest to run")
    args = p.parse_args()
    c = Credence(args.base_url, args.api_key, args.password)
    if args.phase == "history":
        history(c, args.per_market)
    else:
        live(c, args.rate, min(args.minutes, 30), args.shift_at, args.events.split(","))
