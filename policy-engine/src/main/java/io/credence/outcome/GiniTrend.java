package io.credence.outcome;

import java.time.Instant;

/**
 * A version's Gini (score against bad so far, funded loans) over the loans it decided in its first months
 * against the loans it decided since: what the drift monitor judges a model's decay by. {@code firstFrom}
 * is the version's first decision with an outcome, {@code since} the end of its first months; either
 * Gini is null while its loans have no goods or no bads.
 */
public record GiniTrend(
        String market,
        int version,
        Instant firstFrom,
        Instant since,
        Double firstGini,
        long firstLoans,
        Double recentGini,
        long recentLoans) {

    static GiniTrend none(String market, int version) {
        return new GiniTrend(market, version, null, null, null, 0, null, 0);
    }
}
