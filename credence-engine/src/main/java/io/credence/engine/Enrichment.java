package io.credence.engine;

import java.util.List;

/**
 * What the engine is told about an application beyond its body: fraud-list matches and velocity at
 * the moment of the decision. Stored with each decision so that a replay sees exactly what the
 * original decision saw, whatever the lists say today.
 */
public record Enrichment(int deviceApplications24h, int customerApplications30d, List<ListHit> listMatches) {

    public static final Enrichment NONE = new Enrichment(0, 0, List.of());

    public Enrichment {
        listMatches = listMatches == null ? List.of() : List.copyOf(listMatches);
    }

    public record ListHit(String list, String reason) {}
}
