package io.credence.simulation;

/**
 * What to backtest: {@code version} (the candidate) against {@code against} (default: the market's
 * champion), on {@code source} "decisions" (the latest {@code limit} logged requests) or "demo" (the
 * German credit dataset shipped for the market); an upload sends this without a source. Age bands with
 * fewer than {@code minBandCount} applications (default 20) are left out of the four-fifths ratio.
 */
public record SimulationRequest(Integer version, Integer against, String source, Integer limit, Integer minBandCount) {

    public static final String DECISIONS = "decisions";
    public static final String DEMO = "demo";
    public static final String CSV = "csv";
    /** A backtest run outside the service on Apache Spark, whose report was uploaded. */
    public static final String SPARK = "spark";

    public static final int DEFAULT_LIMIT = 10_000;
    public static final int MAX_LIMIT = 1_000_000;
    public static final int DEFAULT_MIN_BAND_COUNT = 20;
}
