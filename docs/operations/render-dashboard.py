#!/usr/bin/env python3
"""Draws grafana-dashboard.json's panels as one PNG, from a real Prometheus, where Grafana is not at hand.

Every panel's PromQL is sent as it is to Prometheus's /api/v1/query_range ($market becomes .*,
$__rate_interval becomes --rate-interval), and the series that come back are drawn where the panel
sits in the dashboard's 24-column grid, with its unit and threshold lines. Nothing is made up: an
empty panel means Prometheus had no data for its query.

  python3 render-dashboard.py --prometheus http://127.0.0.1:9090 --minutes 15 --out dashboard.png

Needs matplotlib (Debian: python3-matplotlib). Standard library otherwise.
"""
import argparse, datetime, json, time, urllib.parse, urllib.request
from pathlib import Path

import matplotlib
matplotlib.use("Agg")
import matplotlib.dates as mdates
import matplotlib.pyplot as plt

UNITS = {"reqps": ("req/s", 1), "s": ("ms", 1000), "percentunit": ("%", 100), "short": ("", 1)}


def query_range(prometheus, expr, start, end, step):
    params = urllib.parse.urlencode({"query": expr, "start": start, "end": end, "step": step})
    with urllib.request.urlopen(f"{prometheus}/api/v1/query_range?{params}", timeout=30) as response:
        body = json.load(response)
    if body["status"] != "success":
        raise SystemExit(f"Prometheus refused {expr}: {body}")
    return body["data"]["result"]


def step_seconds(step):
    units = {"s": 1, "m": 60, "h": 3600}
    return float(step[:-1]) * units[step[-1]] if step[-1] in units else float(step)


def legend(fmt, labels):
    text = fmt
    for key, value in labels.items():
        text = text.replace("{{" + key + "}}", value)
    return text


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--prometheus", default="http://127.0.0.1:9090")
    p.add_argument("--dashboard", default=str(Path(__file__).with_name("grafana-dashboard.json")))
    p.add_argument("--minutes", type=float, default=15)
    p.add_argument("--end", type=float, default=None, help="unix time of the right edge (default now)")
    p.add_argument("--rate-interval", default="30s")
    p.add_argument("--step", default="10s")
    p.add_argument("--out", default="dashboard.png")
    p.add_argument("--note", default="", help="a line to add to the title, e.g. what traffic it shows")
    args = p.parse_args()

    dashboard = json.loads(Path(args.dashboard).read_text())
    end = args.end or time.time()
    start = end - args.minutes * 60
    header = 2  # grid units above the first row, for the picture's own title
    grid_rows = max(pn["gridPos"]["y"] + pn["gridPos"]["h"] for pn in dashboard["panels"]) + header
    fig = plt.figure(figsize=(24, grid_rows * 0.42), dpi=80)
    fig.patch.set_facecolor("#111217")
    unit_h = 1 / grid_rows

    for panel in dashboard["panels"]:
        g = panel["gridPos"]
        left, width = g["x"] / 24, g["w"] / 24
        top = 1 - (g["y"] + header) * unit_h
        if panel["type"] == "row":
            fig.text(left + 0.005, top - 0.6 * unit_h, panel["title"], color="#d8d9da", fontsize=15, weight="bold")
            continue
        ax = fig.add_axes([left + 0.035, top - (g["h"] - 0.9) * unit_h, width - 0.05, (g["h"] - 2.2) * unit_h])
        ax.set_facecolor("#181b1f")
        for spine in ax.spines.values():
            spine.set_color("#2c3235")
        ax.tick_params(colors="#9fa7b3", labelsize=9)
        ax.set_title(panel["title"], color="#d8d9da", fontsize=12, loc="left")
        defaults = panel["fieldConfig"]["defaults"]
        label, factor = UNITS.get(defaults.get("unit", "short"), ("", 1))
        ax.set_ylabel(label, color="#9fa7b3")
        drawn = 0
        for target in panel["targets"]:
            expr = target["expr"].replace("$__rate_interval", args.rate_interval).replace('=~"$market"', '=~".*"')
            for series in query_range(args.prometheus, expr, start, end, args.step):
                points = [(datetime.datetime.fromtimestamp(float(t), datetime.timezone.utc), float(v) * factor)
                          for t, v in series["values"] if v not in ("NaN", "+Inf", "-Inf")]
                if not points:
                    continue
                # A gap of more than three steps (a restart, a missed scrape) is drawn as a gap.
                gap = 3 * step_seconds(args.step)
                broken = [points[0]]
                for before, after in zip(points, points[1:]):
                    if (after[0] - before[0]).total_seconds() > gap:
                        broken.append((before[0] + datetime.timedelta(seconds=1), float("nan")))
                    broken.append(after)
                xs, ys = zip(*broken)
                ax.plot(xs, ys, linewidth=1.8, label=legend(target.get("legendFormat", ""), series["metric"]))
                drawn += 1
        for step in defaults.get("thresholds", {}).get("steps", [])[1:]:
            ax.axhline(step["value"] * (factor if label != "" else 1), color="#f2495c", linestyle="--", linewidth=1)
        if defaults.get("min") is not None:
            ax.set_ylim(bottom=defaults["min"] * factor)
        ax.set_xlim(datetime.datetime.fromtimestamp(start, datetime.timezone.utc),
                    datetime.datetime.fromtimestamp(end, datetime.timezone.utc))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%H:%M", tz=datetime.timezone.utc))
        ax.grid(color="#2c3235", linewidth=0.6)
        if drawn:
            ax.legend(fontsize=8, ncol=4 if drawn > 6 else 2, loc="upper left", facecolor="#181b1f",
                      edgecolor="#2c3235", labelcolor="#d8d9da")
        else:
            ax.text(0.5, 0.5, "No data", transform=ax.transAxes, ha="center", va="center", color="#9fa7b3", fontsize=14)

    span = f"{datetime.datetime.fromtimestamp(start, datetime.timezone.utc):%Y-%m-%d %H:%M} – " \
           f"{datetime.datetime.fromtimestamp(end, datetime.timezone.utc):%H:%M} UTC"
    fig.text(0.005, 1 - 0.9 * unit_h, f"{dashboard['title']} — grafana-dashboard.json's queries evaluated by "
             f"Prometheus, {span}" + (f" — {args.note}" if args.note else ""), color="#d8d9da", fontsize=16)
    fig.savefig(args.out, facecolor=fig.get_facecolor())
    print("wrote", args.out)


if __name__ == "__main__":
    main()
