package io.credence.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A market as GET /api/v1/markets shows it. {@code experiment} is null when none is running. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MarketSummary(String market, String currency, Champion champion, Experiment experiment) {

    public record Champion(int version, String digest) {}

    /** {@code mode} is SPLIT or SHADOW; a SHADOW experiment's challenger sees 100% of the traffic. */
    public record Experiment(String id, int challengerVersion, String mode, int trafficPercent) {}
}
