package io.credence.vocabulary;

import java.util.Map;

/**
 * The market's settings from the version's market.json, so rules need not hard-code them: the product
 * limits, and the named parameters an analyst edits in a form, read with {@code param("minimumAge")}.
 */
public final class Market {
    private final String code;
    private final String currency;
    private final double minAmount;
    private final double maxAmount;
    private final int minTermMonths;
    private final int maxTermMonths;
    private final double maxApr;
    private final double referenceApr;
    private final int bureauScoreMin;
    private final int bureauScoreMax;
    private final Map<String, Double> parameters;

    public Market(
            String code,
            String currency,
            double minAmount,
            double maxAmount,
            int minTermMonths,
            int maxTermMonths,
            double maxApr,
            double referenceApr,
            int bureauScoreMin,
            int bureauScoreMax) {
        this(
                code,
                currency,
                minAmount,
                maxAmount,
                minTermMonths,
                maxTermMonths,
                maxApr,
                referenceApr,
                bureauScoreMin,
                bureauScoreMax,
                Map.of());
    }

    public Market(
            String code,
            String currency,
            double minAmount,
            double maxAmount,
            int minTermMonths,
            int maxTermMonths,
            double maxApr,
            double referenceApr,
            int bureauScoreMin,
            int bureauScoreMax,
            Map<String, Double> parameters) {
        this.code = code;
        this.currency = currency;
        this.minAmount = minAmount;
        this.maxAmount = maxAmount;
        this.minTermMonths = minTermMonths;
        this.maxTermMonths = maxTermMonths;
        this.maxApr = maxApr;
        this.referenceApr = referenceApr;
        this.bureauScoreMin = bureauScoreMin;
        this.bureauScoreMax = bureauScoreMax;
        this.parameters = Map.copyOf(parameters);
    }

    public String getCode() {
        return code;
    }

    public String getCurrency() {
        return currency;
    }

    public double getMinAmount() {
        return minAmount;
    }

    public double getMaxAmount() {
        return maxAmount;
    }

    public int getMinTermMonths() {
        return minTermMonths;
    }

    public int getMaxTermMonths() {
        return maxTermMonths;
    }
    /** The highest APR this market's lender may charge; the engine refers anything above it. */
    public double getMaxApr() {
        return maxApr;
    }

    public double getReferenceApr() {
        return referenceApr;
    }

    public int getBureauScoreMin() {
        return bureauScoreMin;
    }

    public int getBureauScoreMax() {
        return bureauScoreMax;
    }

    /**
     * A parameter from market.json's parameters section: a number as written (a percentage as a
     * fraction, 0.4 for 40 %), a date as its epoch day. Validation refuses a rule that names a parameter
     * the package does not declare, so this never fails for a policy that compiled.
     */
    public double param(String name) {
        Double value = parameters.get(name);
        if (value == null) throw new IllegalArgumentException("market.json declares no parameter " + name);
        return value;
    }
}
