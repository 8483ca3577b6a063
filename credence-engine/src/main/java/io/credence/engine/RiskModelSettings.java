package io.credence.engine;

import java.util.Map;

/**
 * market.json's {@code model}: how the engine reads the market's risk model. {@code name} picks one
 * model of a document holding several; {@code positiveClass} is a classifier's class that means "bad";
 * {@code scaling} turns its probability into points; {@code inputs} maps the model's own field names
 * onto the vocabulary; {@code reasonCodes} names each input's reason code for models that give none.
 */
public record RiskModelSettings(
        String name,
        String positiveClass,
        Scaling scaling,
        Map<String, String> inputs,
        Map<String, String> reasonCodes) {

    public static final RiskModelSettings NONE = new RiskModelSettings(null, null, null, Map.of(), Map.of());

    public RiskModelSettings {
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
        reasonCodes = reasonCodes == null ? Map.of() : Map.copyOf(reasonCodes);
    }

    /** The vocabulary name feeding a model input: its mapping, else the input's own name. */
    public String source(String input) {
        return inputs.getOrDefault(input, input);
    }

    /**
     * Points to double the odds: {@code baseScore} points at odds good:bad of {@code baseOdds}, and
     * {@code pdo} more points each time those odds double. Higher points mean a safer applicant.
     */
    public record Scaling(double baseScore, double baseOdds, double pdo) {

        /** The points for a probability p of the bad class, rounded to the nearest 0.01. */
        public double points(double p) {
            // A probability of exactly 0 or 1 has infinite odds; clamping keeps the points finite and ordered.
            double clamped = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
            double points = baseScore + pdo / Math.log(2) * Math.log((1 - clamped) / clamped / baseOdds);
            return Math.round(points * 100) / 100.0;
        }
    }
}
