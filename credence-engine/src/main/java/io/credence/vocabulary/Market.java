package io.credence.vocabulary;

/** The market's settings from the version's market.json, so rules need not hard-code them. */
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

    public Market(String code, String currency, double minAmount, double maxAmount, int minTermMonths,
            int maxTermMonths, double maxApr, double referenceApr, int bureauScoreMin, int bureauScoreMax) {
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
    }

    public String getCode() { return code; }
    public String getCurrency() { return currency; }
    public double getMinAmount() { return minAmount; }
    public double getMaxAmount() { return maxAmount; }
    public int getMinTermMonths() { return minTermMonths; }
    public int getMaxTermMonths() { return maxTermMonths; }
    /** The highest APR this market's lender may charge; the engine refers anything above it. */
    public double getMaxApr() { return maxApr; }
    public double getReferenceApr() { return referenceApr; }
    public int getBureauScoreMin() { return bureauScoreMin; }
    public int getBureauScoreMax() { return bureauScoreMax; }
}
