package io.credence.vocabulary;

import java.util.List;
import java.util.function.Supplier;

/**
 * The market risk model's result, inserted before the approval stage. {@code value} is a scorecard's or
 * regression's predicted value, or for a classifier the probability of the bad class, or the points
 * market.json's {@code model.scaling} makes of it (higher = safer). {@code probability} is a
 * classifier's probability of the bad class, null for other models.
 */
public final class Score {
    private final double value;
    private final Double probability;
    private final boolean adverseOnly;
    private Supplier<List<String>> pending;
    private List<String> reasonCodes;

    public Score(double value, List<String> reasonCodes) {
        this(value, null, reasonCodes);
    }

    public Score(double value, Double probability, List<String> reasonCodes) {
        this.value = value;
        this.probability = probability;
        this.reasonCodes = List.copyOf(reasonCodes);
        this.adverseOnly = false;
    }

    /**
     * A score whose reasons the engine derives by comparing the applicant with reference values: they
     * explain an adverse outcome, cost extra evaluations of the model, and so are worked out only when a
     * rule or the decision asks for them.
     */
    public Score(double value, Double probability, Supplier<List<String>> reasonCodes) {
        this.value = value;
        this.probability = probability;
        this.pending = reasonCodes;
        this.adverseOnly = true;
    }

    public double getValue() {
        return value;
    }
    /** A classifier's probability of the class that means bad (market.json model.positiveClass); null otherwise. */
    public Double getProbability() {
        return probability;
    }

    /** The model's reason codes, most important first. */
    public List<String> getReasonCodes() {
        // One decision's facts live on one thread, so computing on first use needs no lock.
        if (reasonCodes == null) {
            reasonCodes = List.copyOf(pending.get());
            pending = null;
        }
        return reasonCodes;
    }

    /** True when the reasons name what counts against the applicant, and so belong to declines and referrals only. */
    public boolean isAdverseOnly() {
        return adverseOnly;
    }
}
