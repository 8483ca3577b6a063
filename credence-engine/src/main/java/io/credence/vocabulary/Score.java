package io.credence.vocabulary;

import java.util.List;

/** The market scorecard's result, inserted before the approval stage. */
public final class Score {
    private final double value;
    private final List<String> reasonCodes;

    public Score(double value, List<String> reasonCodes) {
        this.value = value;
        this.reasonCodes = List.copyOf(reasonCodes);
    }

    public double getValue() { return value; }
    /** The scorecard's reason codes, most important first. */
    public List<String> getReasonCodes() { return reasonCodes; }
}
