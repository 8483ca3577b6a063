package io.credence.scorecard;

import io.credence.engine.ScorecardLoadException;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.dmg.pmml.Array;
import org.dmg.pmml.CompoundPredicate;
import org.dmg.pmml.False;
import org.dmg.pmml.Model;
import org.dmg.pmml.PMML;
import org.dmg.pmml.Predicate;
import org.dmg.pmml.SimplePredicate;
import org.dmg.pmml.SimpleSetPredicate;
import org.dmg.pmml.True;
import org.dmg.pmml.scorecard.Attribute;
import org.dmg.pmml.scorecard.Scorecard;
import org.jpmml.model.ArrayUtil;
import org.jpmml.model.PMMLUtil;

/**
 * A PMML scorecard as a reviewer reads it: each characteristic with its bins in the order they are
 * tried (the first bin whose condition holds gives the points), the partial score of each bin and
 * the reason code an applicant gets when the characteristic counts against them.
 */
public record ScorecardTable(
        String modelName,
        Double initialScore,
        boolean usesReasonCodes,
        String reasonCodeAlgorithm,
        List<Characteristic> characteristics) {

    /** {@code baselineScore} is what reason codes are measured against; null when the model has none. */
    public record Characteristic(String name, String reasonCode, Double baselineScore, List<Bin> bins) {

        public Double minScore() {
            return bins.stream()
                    .map(Bin::partialScore)
                    .filter(s -> s != null)
                    .min(Double::compare)
                    .orElse(null);
        }

        public Double maxScore() {
            return bins.stream()
                    .map(Bin::partialScore)
                    .filter(s -> s != null)
                    .max(Double::compare)
                    .orElse(null);
        }
    }

    /**
     * One attribute of a characteristic: its condition in words ({@code "bureau.score < 600"}), its
     * points (null when computed by an expression) and its reason code (the bin's own, else the
     * characteristic's).
     */
    public record Bin(String condition, Double partialScore, String reasonCode) {}

    public ScorecardTable {
        characteristics = List.copyOf(characteristics);
    }

    /** The lowest and highest total a scorecard can give, from the extreme bin of every characteristic. */
    public double lowestTotal() {
        return base()
                + characteristics.stream()
                        .map(Characteristic::minScore)
                        .filter(s -> s != null)
                        .mapToDouble(Double::doubleValue)
                        .sum();
    }

    public double highestTotal() {
        return base()
                + characteristics.stream()
                        .map(Characteristic::maxScore)
                        .filter(s -> s != null)
                        .mapToDouble(Double::doubleValue)
                        .sum();
    }

    private double base() {
        return initialScore == null ? 0 : initialScore;
    }

    /** Reads the first Scorecard model of a PMML document; the exception names what is wrong. */
    public static ScorecardTable parse(String pmml) {
        PMML document;
        try {
            document = PMMLUtil.unmarshal(new ByteArrayInputStream(pmml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new ScorecardLoadException("The PMML document does not parse: " + message(e), e);
        }
        Scorecard scorecard = document.getModels().stream()
                .filter(Scorecard.class::isInstance)
                .map(Scorecard.class::cast)
                .findFirst()
                .orElseThrow(() -> new ScorecardLoadException(
                        "The PMML document holds no Scorecard model (it has "
                                + document.getModels().stream()
                                        .map(Model::getClass)
                                        .map(Class::getSimpleName)
                                        .toList()
                                + ").",
                        null));
        List<Characteristic> characteristics = new ArrayList<>();
        if (scorecard.getCharacteristics() != null) {
            for (org.dmg.pmml.scorecard.Characteristic c : scorecard.getCharacteristics()) {
                characteristics.add(characteristic(c, scorecard.getBaselineScore()));
            }
        }
        return new ScorecardTable(
                scorecard.getModelName(),
                number(scorecard.getInitialScore()),
                scorecard.isUseReasonCodes(),
                scorecard.getReasonCodeAlgorithm() == null
                        ? null
                        : scorecard.getReasonCodeAlgorithm().value(),
                characteristics);
    }

    private static Characteristic characteristic(org.dmg.pmml.scorecard.Characteristic c, Number modelBaseline) {
        List<Bin> bins = new ArrayList<>();
        for (Attribute attribute : c.getAttributes()) {
            String reasonCode = attribute.getReasonCode() != null ? attribute.getReasonCode() : c.getReasonCode();
            bins.add(new Bin(condition(attribute.getPredicate()), number(attribute.getPartialScore()), reasonCode));
        }
        Number baseline = c.getBaselineScore() != null ? c.getBaselineScore() : modelBaseline;
        return new Characteristic(c.getName(), c.getReasonCode(), number(baseline), bins);
    }

    /** A predicate in the words an analyst uses: {@code applicant.residentialStatus = OWNER}. */
    static String condition(Predicate predicate) {
        return switch (predicate) {
            case null -> "(no condition)";
            case True t -> "otherwise";
            case False f -> "never";
            case SimplePredicate p -> simple(p);
            case SimpleSetPredicate p ->
                p.getField()
                        + (p.getBooleanOperator() == SimpleSetPredicate.BooleanOperator.IS_NOT_IN
                                ? " is not in "
                                : " is in ")
                        + "(" + String.join(", ", values(p.getArray())) + ")";
            case CompoundPredicate p ->
                p.getPredicates().stream()
                        .map(inner ->
                                inner instanceof CompoundPredicate ? "(" + condition(inner) + ")" : condition(inner))
                        .collect(Collectors.joining(" " + p.getBooleanOperator().value() + " "));
            default -> predicate.getClass().getSimpleName();
        };
    }

    private static String simple(SimplePredicate p) {
        String operator = switch (p.getOperator()) {
            case EQUAL -> "=";
            case NOT_EQUAL -> "≠";
            case LESS_THAN -> "<";
            case LESS_OR_EQUAL -> "≤";
            case GREATER_THAN -> ">";
            case GREATER_OR_EQUAL -> "≥";
            case IS_MISSING -> "is missing";
            case IS_NOT_MISSING -> "is present";
        };
        return p.getValue() == null
                ? p.getField() + " " + operator
                : p.getField() + " " + operator + " " + p.getValue();
    }

    private static List<String> values(Array array) {
        if (array == null || array.getValue() == null) return List.of();
        if (array.getValue() instanceof Collection<?> values)
            return values.stream().map(String::valueOf).toList();
        return ArrayUtil.parse(array.getType(), array.getValue().toString());
    }

    private static Double number(Number number) {
        if (number == null) return null;
        return number instanceof BigDecimal decimal ? decimal.doubleValue() : number.doubleValue();
    }

    private static String message(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) return t.getMessage();
        }
        return e.getClass().getSimpleName();
    }
}
