package io.credence.engine;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmg.pmml.MiningFunction;
import org.dmg.pmml.Model;
import org.dmg.pmml.PMML;
import org.dmg.pmml.ResultFeature;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.EvaluatorUtil;
import org.jpmml.evaluator.HasProbability;
import org.jpmml.evaluator.InputField;
import org.jpmml.evaluator.LoadingModelEvaluatorBuilder;
import org.jpmml.evaluator.ModelEvaluator;
import org.jpmml.evaluator.OutputField;
import org.jpmml.evaluator.TargetField;

/**
 * A loaded PMML risk model of any type jpmml evaluates: Scorecard, RegressionModel,
 * GeneralRegressionModel, TreeModel, MiningModel, NeuralNetwork. The name is historical: a market's
 * model lives in {@code scorecard.pmml} whatever its type. jpmml's evaluators are thread-safe, so one
 * instance per policy version serves every decision.
 */
public final class Scorecard {

    private final Evaluator evaluator;
    /**
     * The same model computing no output fields: what an extra evaluation for a reason needs. Built on
     * first use, since only models explained by reference values need it.
     */
    private volatile Evaluator bare;

    private final String pmml;
    private final String requestedName;
    private final Model model;
    private final List<String> modelNames;
    private final List<InputField> inputFields;
    private final List<String> inputNames;
    /** jpmml's name for the target; null both for a target-less model's default target and for a real one named so. */
    private final String targetName;

    private final boolean classifier;
    private final List<String> classes;
    private final List<String> reasonCodeOutputs;

    private Scorecard(Evaluator evaluator, String pmml, String requestedName, List<String> modelNames) {
        this.evaluator = evaluator;
        this.pmml = pmml;
        this.requestedName = requestedName;
        this.model = ((ModelEvaluator<?>) evaluator).getModel();
        this.modelNames = List.copyOf(modelNames);
        this.inputFields = List.copyOf(evaluator.getInputFields());
        this.inputNames = inputFields.stream().map(InputField::getName).toList();
        List<TargetField> targets = evaluator.getTargetFields();
        // A model without a target MiningField still has one target: jpmml's synthetic default, whose
        // name is null and whose value sits under the null key of the results.
        this.targetName = targets.isEmpty() ? null : targets.get(0).getName();
        this.classifier = evaluator.getMiningFunction() == MiningFunction.CLASSIFICATION;
        List<String> categories = new ArrayList<>();
        if (classifier && !targets.isEmpty() && targets.get(0).getCategories() != null) {
            for (Object category : targets.get(0).getCategories()) categories.add(String.valueOf(category));
        }
        this.classes = List.copyOf(categories);
        this.reasonCodeOutputs = evaluator.getOutputFields().stream()
                .filter(field -> field.getField().getResultFeature() == ResultFeature.REASON_CODE)
                .sorted(Comparator.comparingInt(field -> field.getField().getRank() == null
                        ? 1
                        : field.getField().getRank()))
                .map(OutputField::getName)
                .toList();
    }

    /** Loads and verifies the document's only model; one that holds several must be named. */
    public static Scorecard load(String pmml) {
        return load(pmml, null);
    }

    /**
     * Loads and verifies the model called {@code modelName}, or the document's only model when the name
     * is null. The exception carries the parser's or verifier's message, or says which models there are.
     * The sandbox's checks run first: nothing it refuses is ever handed to the evaluator.
     */
    public static Scorecard load(String pmml, String modelName) {
        List<String> refused = PmmlSandbox.problems(pmml);
        if (!refused.isEmpty()) throw new ScorecardLoadException(String.join("; ", refused), null);
        Evaluator evaluator;
        try {
            evaluator = new LoadingModelEvaluatorBuilder()
                    .load(new ByteArrayInputStream(pmml.getBytes(StandardCharsets.UTF_8)), modelName)
                    .build();
        } catch (Exception | LinkageError e) {
            if (modelName != null && e.getMessage() != null && e.getMessage().contains(modelName)) {
                throw new ScorecardLoadException(
                        "has no model named '" + modelName + "' (market.json model.name): " + describe(e), e);
            }
            throw new ScorecardLoadException(describe(e), e);
        }
        PMML document = ((ModelEvaluator<?>) evaluator).getPMML();
        List<String> names = document.getModels().stream()
                .map(m ->
                        m.getModelName() == null ? "(unnamed " + m.getClass().getSimpleName() + ")" : m.getModelName())
                .toList();
        if (modelName == null && names.size() > 1) {
            throw new ScorecardLoadException(
                    "holds " + names.size() + " models " + names + ": name the one to use in market.json model.name",
                    null);
        }
        try {
            evaluator.verify();
            return new Scorecard(evaluator, pmml, modelName, names);
        } catch (Exception | LinkageError e) {
            throw new ScorecardLoadException(describe(e), e);
        }
    }

    private static final org.jpmml.evaluator.OutputFilter NO_OUTPUTS = field -> false;

    private Evaluator bare() {
        Evaluator built = bare;
        if (built != null) return built;
        synchronized (this) {
            if (bare == null) {
                try {
                    bare = new LoadingModelEvaluatorBuilder()
                            .setOutputFilter(NO_OUTPUTS)
                            .load(new ByteArrayInputStream(pmml.getBytes(StandardCharsets.UTF_8)), requestedName)
                            .build();
                } catch (Exception e) {
                    // The same text loaded a moment ago; failing now is a bug, not a bad model.
                    throw new IllegalStateException("scorecard.pmml no longer loads: " + describe(e), e);
                }
            }
            return bare;
        }
    }

    public List<String> inputNames() {
        return inputNames;
    }

    /**
     * Prepares one input's raw value as the model reads it (converted, checked against its domain);
     * throws when the model refuses the value.
     */
    Object prepare(int input, Object raw) {
        return inputFields.get(input).prepare(raw);
    }

    /**
     * A classifier's probability of {@code positiveClass}, or a value model's predicted number, for
     * arguments already {@link #prepare prepared}, computing no output fields; null when there is none.
     */
    Double quick(Map<String, ?> prepared, String positiveClass) {
        Object raw = bare().evaluate(prepared).get(targetName);
        if (classifier) {
            if (!(raw instanceof HasProbability probability)) return null;
            // The class as the model types it: an integer-labelled classifier (LightGBM's 0/1) has no
            // probability under the text "1", and reading it so gave 0 for every extra evaluation.
            for (Object category : probability.getCategories()) {
                if (String.valueOf(category).equals(positiveClass)) return probability.getProbability(category);
            }
            return 0.0;
        }
        Object value = EvaluatorUtil.decode(raw);
        return value instanceof Number number ? number.doubleValue() : null;
    }

    List<InputField> inputFields() {
        return inputFields;
    }

    /** The PMML element of the model: Scorecard, RegressionModel, TreeModel, MiningModel… */
    public String modelType() {
        return model.getClass().getSimpleName();
    }

    public String modelName() {
        return model.getModelName();
    }

    Model model() {
        return model;
    }

    public List<String> modelNames() {
        return modelNames;
    }

    public boolean isClassifier() {
        return classifier;
    }

    /** A classifier's classes as text, in the order the PMML declares them. */
    public List<String> classes() {
        return classes;
    }

    /** True when the model gives its own reason codes (a PMML Scorecard with useReasonCodes). */
    public boolean hasReasonCodes() {
        return !reasonCodeOutputs.isEmpty();
    }

    /** Evaluates one row of raw values keyed by input name; missing keys are missing values. */
    public Result evaluate(Map<String, ?> row) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (InputField field : inputFields) {
            arguments.put(field.getName(), field.prepare(row.get(field.getName())));
        }
        Map<String, ?> results = evaluator.evaluate(arguments);
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (OutputField field : evaluator.getOutputFields()) {
            outputs.put(field.getName(), EvaluatorUtil.decode(results.get(field.getName())));
        }
        Object raw = results.get(targetName);
        Object predicted = EvaluatorUtil.decode(raw);
        Map<String, Double> probabilities = null;
        if (classifier && raw instanceof HasProbability probability) {
            probabilities = new LinkedHashMap<>();
            for (Object category : probability.getCategories()) {
                probabilities.put(String.valueOf(category), probability.getProbability(category));
            }
        }
        List<String> reasonCodes = new ArrayList<>();
        for (String name : reasonCodeOutputs) {
            Object code = outputs.get(name);
            if (code != null) reasonCodes.add(code.toString());
        }
        Double value = !classifier && predicted instanceof Number number ? number.doubleValue() : null;
        return new Result(value, predicted, probabilities, reasonCodes, outputs);
    }

    /**
     * A PMML Scorecard's points per characteristic for one row, in the model's order: characteristic
     * name, the raw values of the inputs its matching attribute reads, the partial score and its reason
     * code. Empty for any other model type.
     */
    List<Contribution> partialScores(Map<String, ?> row) {
        if (!(model instanceof org.dmg.pmml.scorecard.Scorecard)) return List.of();
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (InputField field : inputFields) arguments.put(field.getName(), field.prepare(row.get(field.getName())));
        Object raw = evaluator.evaluate(arguments).get(targetName);
        if (!(raw instanceof org.jpmml.evaluator.scorecard.HasPartialScores scores)) return List.of();
        List<Contribution> contributions = new ArrayList<>();
        for (org.jpmml.evaluator.scorecard.PartialScore score : scores.getPartialScores()) {
            var characteristic = score.getCharacteristic();
            java.util.Set<String> fields = new java.util.LinkedHashSet<>();
            fieldsOf(score.getAttribute().requirePredicate(), fields);
            StringBuilder value = new StringBuilder();
            for (String field : fields) {
                if (!value.isEmpty()) value.append(", ");
                value.append(fields.size() > 1 ? field + " " : "")
                        .append(row.get(field) == null ? "—" : row.get(field));
            }
            String name = characteristic.getName() != null ? characteristic.getName() : String.join(", ", fields);
            contributions.add(new Contribution(
                    name,
                    value.toString(),
                    score.getValue() == null ? 0 : score.getValue().doubleValue(),
                    score.getReasonCode()));
        }
        return contributions;
    }

    private static void fieldsOf(org.dmg.pmml.Predicate predicate, java.util.Set<String> fields) {
        if (predicate instanceof org.dmg.pmml.SimplePredicate simple) fields.add(simple.requireField());
        else if (predicate instanceof org.dmg.pmml.SimpleSetPredicate set) fields.add(set.requireField());
        else if (predicate instanceof org.dmg.pmml.CompoundPredicate compound) {
            for (org.dmg.pmml.Predicate part : compound.getPredicates()) fieldsOf(part, fields);
        }
    }

    /**
     * One evaluation: {@code value} is a regression's or scorecard's predicted number (null for a
     * classifier), {@code predicted} the predicted class or value, {@code probabilities} a classifier's
     * class → probability (null otherwise).
     */
    public record Result(
            Double value,
            Object predicted,
            Map<String, Double> probabilities,
            List<String> reasonCodes,
            Map<String, Object> outputs) {

        /** The probability of {@code positiveClass}, or null when this is no classifier's result. */
        public Double probabilityOf(String positiveClass) {
            return probabilities == null ? null : probabilities.getOrDefault(positiveClass, 0.0);
        }
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        StringBuilder text = new StringBuilder();
        while (cause != null) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                if (!text.isEmpty()) text.append(": ");
                text.append(cause.getMessage());
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return text.isEmpty() ? e.getClass().getSimpleName() : text.toString();
    }
}
