package io.credence.engine;

import java.util.List;

/**
 * How one part of the risk model moved an application's score. For a PMML Scorecard: a characteristic,
 * the applicant's value of the inputs it reads, the points it gave ({@code amount}) and the reason code
 * it carries. For other models: an input named in {@code model.reasonCodes}, and how much lower the risk
 * would have been with its reference value instead of the applicant's ({@code amount}, in the model's
 * risk units; positive counts against the applicant), biggest first.
 */
public record Contribution(String name, String value, double amount, String reasonCode) {

    /** What {@link Contribution#amount} is: scorecard points, or a drop in risk. */
    public enum Kind {
        POINTS,
        RISK
    }

    /** The contributions to one score, as the model computes them; empty when it cannot say. */
    public record Explanation(Kind kind, List<Contribution> contributions) {

        public Explanation {
            contributions = List.copyOf(contributions);
        }
    }
}
