package io.credence.simulation;

import io.credence.engine.PolicyPackage;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a backtest outside the service needs to decide rows exactly as the service would: the two
 * versions' artifacts and the digests they were stored with. Exported by
 * {@code GET /api/v1/markets/{market}/simulations/spec}, read by the Spark backtest, which refuses to
 * run when an artifact no longer matches its digest.
 *
 * @param version the candidate version
 * @param against the version it is compared with (may equal {@code version})
 * @param policies one entry per distinct version
 */
public record BacktestSpec(String market, int version, int against, int minBandCount, List<Policy> policies)
        implements Serializable {

    public BacktestSpec {
        policies = policies == null ? List.of() : List.copyOf(policies);
    }

    /** One version: its number, its lifecycle status when exported, its digest and its artifacts by name. */
    public record Policy(int version, String status, String digest, Map<String, String> artifacts)
            implements Serializable {

        public Policy {
            artifacts = artifacts == null ? Map.of() : new TreeMap<>(artifacts);
        }

        PolicyPackage policyPackage(String market) {
            return PolicyPackage.of(market, artifacts);
        }
    }

    Policy policy(int number) {
        return policies.stream()
                .filter(p -> p.version() == number)
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("the spec holds no version " + number + " of " + market));
    }

    /**
     * Every reason the spec cannot be run as is: missing fields, a version it does not hold, or an
     * artifact changed after export (its digest no longer matches). Empty when it can run.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (market == null || !market.matches("[A-Z]{2}")) problems.add("market must be a two-letter market code");
        if (minBandCount < 1) problems.add("minBandCount must be at least 1");
        for (int number : version == against ? new int[] {version} : new int[] {version, against}) {
            Policy policy = policies.stream()
                    .filter(p -> p.version() == number)
                    .findFirst()
                    .orElse(null);
            if (policy == null) {
                problems.add("the spec holds no version " + number);
            } else if (policy.digest() == null
                    || !policy.digest().equals(policy.policyPackage(market).digest())) {
                problems.add("version " + number + "'s artifacts do not match its digest " + policy.digest()
                        + " (they were changed after the spec was exported)");
            }
        }
        return problems;
    }
}
