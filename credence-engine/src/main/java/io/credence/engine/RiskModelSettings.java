package io.credence.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * market.json's {@code model}: how the engine reads the market's risk model. {@code name} picks one
 * model of a document holding several; {@code positiveClass} is a classifier's class that means "bad";
 * {@code scaling} turns its probability into points; {@code inputs} says how each of the model's own
 * fields is fed from the vocabulary; {@code reasonCodes} names each input's reason code for models that
 * give none.
 */
public record RiskModelSettings(
        String name,
        String positiveClass,
        Scaling scaling,
        Map<String, Input> inputs,
        Map<String, String> reasonCodes) {

    public static final RiskModelSettings NONE = new RiskModelSettings(null, null, null, Map.of(), Map.of());

    public RiskModelSettings {
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
        reasonCodes = reasonCodes == null ? Map.of() : Map.copyOf(reasonCodes);
    }

    /** market.json's {@code model} section as far as it reads; {@link #NONE} when market.json does not parse. */
    public static RiskModelSettings of(String marketJson) {
        return MarketSettingsParser.modelOnly(marketJson);
    }

    /** The vocabulary name feeding a model input: its mapping's {@code from}, else the input's own name; null for a constant. */
    public String source(String input) {
        Input mapped = inputs.get(input);
        return mapped == null ? input : mapped.from();
    }

    /** How one model input is fed, as market.json's {@code model.inputs} writes it. */
    public Input input(String input) {
        return inputs.getOrDefault(input, Input.of(input));
    }

    /**
     * One model input's feed. The short form {@code "Age": "applicant.age"} is {@code from} alone. The
     * object form adds {@code values}, vocabulary value (as text) → the model's own category, with
     * {@code otherwise} for any value not listed (a missing value when absent); {@code multiply}, a
     * factor for a number (monthly income 12 → the yearly income a model was trained on); or is a
     * {@code constant} the model always reads, for an input the vocabulary has no counterpart for (or
     * must not be used, such as gender).
     */
    public record Input(String from, Map<String, Object> values, Object otherwise, Double multiply, Object constant) {

        public Input {
            values = values == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        public static Input of(String from) {
            return new Input(from, null, null, null, null);
        }

        public static Input constantOf(Object constant) {
            return new Input(null, null, null, null, constant);
        }

        public boolean isConstant() {
            return from == null;
        }

        /** The value the model reads, given the vocabulary's value of {@code from}. */
        public Object apply(Object vocabularyValue) {
            if (isConstant()) return constant;
            if (vocabularyValue == null) return values == null ? null : otherwise;
            if (values != null) {
                Object mapped = values.get(String.valueOf(vocabularyValue));
                return mapped != null ? mapped : otherwise;
            }
            if (multiply != null && vocabularyValue instanceof Number number) return number.doubleValue() * multiply;
            return vocabularyValue;
        }

        /** How the workbench and messages write it: the vocabulary name, or "= constant". */
        public String describe() {
            if (isConstant()) return "= " + constant;
            String text = from;
            if (multiply != null)
                text += " × " + (multiply == Math.rint(multiply) ? String.valueOf(multiply.longValue()) : multiply);
            if (values != null) text += " → " + values + (otherwise == null ? "" : ", otherwise " + otherwise);
            return text;
        }
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
