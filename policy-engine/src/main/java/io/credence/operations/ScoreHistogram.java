package io.credence.operations;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * How many decisions had each score in a window. Scores are whole numbers on a bounded scale, so a
 * week of decisions fits in a few hundred entries: the database groups, Java bins.
 */
record ScoreHistogram(NavigableMap<Integer, Long> counts) {

    static final ScoreHistogram EMPTY = new ScoreHistogram(new TreeMap<>());

    ScoreHistogram {
        counts = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(counts));
    }

    static ScoreHistogram of(Map<Integer, Long> counts) {
        return new ScoreHistogram(new TreeMap<>(counts));
    }

    long total() {
        long total = 0;
        for (long n : counts.values()) total += n;
        return total;
    }
}
