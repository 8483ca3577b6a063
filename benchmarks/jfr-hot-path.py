#!/usr/bin/env python3
"""Summarises a JFR recording of the decision hot path: for each stage of a decision, the share of
all CPU samples whose stack passes through it (inclusive), then the top frames by self time.
Usage: benchmarks/jfr-hot-path.py recording.jfr   (needs the JDK's `jfr` on PATH or JAVA_HOME)."""
import collections
import os
import re
import subprocess
import sys

# Stage name -> a regular expression matched against each frame "package.Class.method".
STAGES = [
    ("whole request on a Tomcat thread", r"NioEndpoint\$SocketProcessor\.doRun"),
    ("  security filter chain (all filters, controller inside)", r"FilterChainProxy\.doFilter"),
    ("  API key check (ApiKeys.authenticate)", r"ApiKeys\.authenticate"),
    ("  POST /api/v1/decisions controller", r"DecisionMakerController\.decide"),
    ("    read the body", r"RequestBodies\.read"),
    ("    parse and validate the request", r"LoanApplicationParser\.(parse|checkAgainst)"),
    ("    idempotency lookup (findByApplicationId)", r"DecisionRepository\.findByApplicationId"),
    ("    velocity counts (countBy...Since)", r"DecisionRepository\.countBy"),
    ("    engine (CompiledPolicy.decide)", r"engine\.CompiledPolicy\.decide"),
    ("    JSON written for the log (ObjectMapper.writeValueAsString)", r"ObjectMapper\.writeValueAsString"),
    ("    decision-log write, commit included", r"DecisionLog(Writes|Writer)\.(record|write)"),
    ("      H2 commit (MVStore store/commit)", r"org\.h2\.mvstore\.MVStore\.(store|commit|tryCommit)|TransactionStore\.commit"),
    ("    event DecisionMade (metrics, listeners)", r"publishEvent"),
    ("  response JSON (message converter)", r"AbstractJacksonHttpMessageConverter\.write|JacksonJsonHttpMessageConverter\.write|MappingJackson2HttpMessageConverter\.write"),
    ("H2 background writer", r"MVStore\$BackgroundWriterThread|BackgroundWriterThread"),
]


def jfr_binary():
    home = os.environ.get("JAVA_HOME")
    return os.path.join(home, "bin", "jfr") if home else "jfr"


def samples(path):
    out = subprocess.run([jfr_binary(), "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", path],
                         check=True, capture_output=True, text=True).stdout
    stack, in_stack = [], False
    for line in out.splitlines():
        line = line.strip()
        if line.startswith("stackTrace = ["):
            stack, in_stack = [], True
        elif in_stack and line == "]":
            in_stack = False
            yield stack
        elif in_stack and line and line != "...":
            stack.append(re.sub(r"\(.*", "", line))


def main(path):
    stacks = list(samples(path))
    total = len(stacks)
    if total == 0:
        print("no execution samples")
        return
    print(f"{total} CPU samples (jdk.ExecutionSample) in {os.path.basename(path)}\n")
    print("| stage | samples | share |")
    print("| --- | --- | --- |")
    for name, pattern in STAGES:
        rx = re.compile(pattern)
        n = sum(1 for s in stacks if any(rx.search(f) for f in s))
        print(f"| {name} | {n} | {100.0 * n / total:.1f} % |")
    self_counts = collections.Counter(s[0] for s in stacks if s)
    print("\nTop frames by self time:\n")
    print("| frame | samples | share |")
    print("| --- | --- | --- |")
    for frame, n in self_counts.most_common(15):
        print(f"| {frame} | {n} | {100.0 * n / total:.1f} % |")


if __name__ == "__main__":
    main(sys.argv[1])
