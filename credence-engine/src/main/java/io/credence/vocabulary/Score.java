package io.credence.vocabulary;

import java.util.List;

/**
 * The market risk model's result, inserted before the approval stage. {@code value} is a scorecard's or
 * regression's predicted value, or for a classifier the probability of the bad class, or the points
 * market.json's {@code model.scaling} makes of it (higher = safer). {@code probability} is a
 * classifier's probability of the bad class, null for other models.
 */
public final class Score {
    private final double value;
    private final Double probability;
    private final List<String> reasonCodes;

    public Score(double value, List<String> reasonCodes) {
        this(value, null, reasonCodes);
    }

    public Score(double value, Double probability, List<String> reasonCodes) {
        this.value = value;
        this.probability = probability;
        this.reasonCodes = List.copyOf(reasonCodes);
    }

    public double getValue() { return value; }
    /** A classifier's probability of the class that means bad (market.json model.positiveClass); null otherwise. */
    public Double getProbability() { return probability; }
    /** The model's reason codes, most important first. */
    public List<String> getReasonCodes() { return reasonCodes; }
}
