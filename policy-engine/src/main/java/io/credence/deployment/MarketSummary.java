package io.credence.deployment;


import com.fasterxml.jackson.annotation.JsonInclude;

/** A market as GET /api/v1/markets shows it. {@code experiment} is null when none is running. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MarketSummary(String market, String currency, Champion champion, Object experiment) {

    public record Champion(int version, String digest) {
    }
}
