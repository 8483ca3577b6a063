package io.credence.scorecard;

import io.credence.engine.RiskModelSettings;
import io.credence.engine.ScorecardFields;
import io.credence.engine.ScorecardLoadException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dmg.pmml.DataField;
import org.dmg.pmml.DataType;
import org.dmg.pmml.MiningField;
import org.dmg.pmml.Model;
import org.dmg.pmml.PMML;
import org.dmg.pmml.SimplePredicate;
import org.dmg.pmml.SimpleSetPredicate;
import org.dmg.pmml.Value;
import org.dmg.pmml.VisitorAction;
import org.dmg.pmml.regression.CategoricalPredictor;
import org.dmg.pmml.regression.NumericPredictor;
import org.dmg.pmml.regression.RegressionModel;
import org.dmg.pmml.regression.RegressionTable;
import org.dmg.pmml.tree.TreeModel;
import org.jpmml.model.PMMLUtil;
import org.jpmml.model.visitors.AbstractVisitor;

/**
 * Any PMML risk model as an analyst checks it before it goes into a version: its type and classes, its
 * inputs with their data types and importance, a regression's coefficients and a tree ensemble's size.
 * (A scorecard's characteristics and bins are {@link ScorecardTable}.)
 *
 * @param function {@code classification} or {@code regression}
 * @param trees the number of trees (1 for a single tree, 0 for models that have none)
 * @param importanceSource where {@link Input#importance()} comes from: {@code model} (the PMML's own
 *     MiningField importance), {@code splits} (share of the trees' splits on the input), or null
 */
public record ModelSummary(
        String modelType,
        String modelName,
        String function,
        List<String> classes,
        int trees,
        String importanceSource,
        List<Input> inputs,
        List<Coefficient> coefficients) {

    private static final Set<DataType> NUMBERS = Set.of(DataType.INTEGER, DataType.FLOAT, DataType.DOUBLE);

    /** One input: PMML name, optype, data type and importance (null when unknown). */
    public record Input(String name, String opType, String dataType, Double importance) {}

    /** One term of a regression table: {@code term} is the input, "input = value", or "(intercept)". */
    public record Coefficient(String targetCategory, String term, double coefficient) {}

    /**
     * How an input is fed: {@code source} is the vocabulary name (its mapping, else its own name),
     * {@code vocabularyType} number / text / boolean (null when not in the vocabulary), and
     * {@code problem} why it cannot be fed as it is (null when it can).
     */
    public record InputCheck(String input, String source, String vocabularyType, String dataType, String problem) {}

    /** Reads the model called {@code modelName}, or the first model; the exception says what is wrong. */
    public static ModelSummary parse(String pmml, String modelName) {
        PMML document;
        try {
            document = PMMLUtil.unmarshal(new ByteArrayInputStream(pmml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new ScorecardLoadException("The PMML document does not parse: " + e.getMessage(), e);
        }
        Model model = document.getModels().stream()
                .filter(m -> modelName == null || modelName.equals(m.getModelName()))
                .findFirst()
                .orElseThrow(() -> new ScorecardLoadException(
                        "The PMML document holds no model" + (modelName == null ? "" : " named " + modelName) + ".",
                        null));
        Map<String, DataField> fields = new LinkedHashMap<>();
        document.getDataDictionary().getDataFields().forEach(f -> fields.put(f.requireName(), f));

        List<String> classes = new ArrayList<>();
        Map<String, Integer> splits = new LinkedHashMap<>();
        int[] trees = {0};
        new AbstractVisitor() {
            @Override
            public VisitorAction visit(TreeModel tree) {
                trees[0]++;
                return super.visit(tree);
            }

            @Override
            public VisitorAction visit(SimplePredicate predicate) {
                splits.merge(predicate.requireField(), 1, Integer::sum);
                return super.visit(predicate);
            }

            @Override
            public VisitorAction visit(SimpleSetPredicate predicate) {
                splits.merge(predicate.requireField(), 1, Integer::sum);
                return super.visit(predicate);
            }
        }.applyTo(model);
        int totalSplits = splits.values().stream().mapToInt(Integer::intValue).sum();

        List<Input> inputs = new ArrayList<>();
        boolean declared = false;
        for (MiningField mining : model.requireMiningSchema().getMiningFields()) {
            DataField field = fields.get(mining.requireName());
            MiningField.UsageType usage = mining.getUsageType();
            if (usage == MiningField.UsageType.TARGET || usage == MiningField.UsageType.PREDICTED) {
                if (field != null && field.hasValues()) {
                    for (Value value : field.getValues()) classes.add(String.valueOf(value.requireValue()));
                }
                continue;
            }
            if (usage != MiningField.UsageType.ACTIVE) continue;
            Double importance = null;
            if (mining.getImportance() != null) {
                importance = mining.getImportance().doubleValue();
                declared = true;
            } else if (trees[0] > 0 && totalSplits > 0) {
                importance = splits.getOrDefault(mining.getName(), 0) / (double) totalSplits;
            }
            inputs.add(new Input(
                    mining.getName(),
                    field == null || field.getOpType() == null
                            ? null
                            : field.getOpType().value(),
                    field == null || field.getDataType() == null
                            ? null
                            : field.getDataType().value(),
                    importance));
        }
        if (declared) {
            // The model's own figures, in its own units, turned into shares so that they read like the split counts.
            double sum = inputs.stream()
                    .map(Input::importance)
                    .filter(i -> i != null)
                    .mapToDouble(Double::doubleValue)
                    .sum();
            if (sum > 0)
                inputs.replaceAll(i -> new Input(
                        i.name(), i.opType(), i.dataType(), i.importance() == null ? null : i.importance() / sum));
        }
        List<Coefficient> coefficients = new ArrayList<>();
        if (model instanceof RegressionModel regression) {
            for (RegressionTable table : regression.getRegressionTables()) {
                String category = table.getTargetCategory() == null
                        ? null
                        : table.getTargetCategory().toString();
                coefficients.add(new Coefficient(
                        category, "(intercept)", table.getIntercept().doubleValue()));
                for (NumericPredictor p : table.getNumericPredictors()) {
                    String term = p.getExponent() == null || p.getExponent() == 1
                            ? p.requireField()
                            : p.requireField() + "^" + p.getExponent();
                    coefficients.add(
                            new Coefficient(category, term, p.getCoefficient().doubleValue()));
                }
                for (CategoricalPredictor p : table.getCategoricalPredictors()) {
                    coefficients.add(new Coefficient(
                            category,
                            p.requireField() + " = " + p.getValue(),
                            p.getCoefficient().doubleValue()));
                }
            }
        }
        String source = declared ? "model" : trees[0] > 0 ? "splits" : null;
        return new ModelSummary(
                model.getClass().getSimpleName(),
                model.getModelName(),
                model.getMiningFunction() == null
                        ? null
                        : model.getMiningFunction().value(),
                List.copyOf(classes),
                trees[0],
                source,
                List.copyOf(inputs),
                List.copyOf(coefficients));
    }

    /**
     * Each input checked against the vocabulary through market.json's {@code model.inputs}: fed from a
     * known name, and a number for a numeric data type, a text or yes/no for a string or boolean one. An
     * input whose vocabulary values are mapped onto the model's own, or that is a constant, reads what
     * the mapping says (the compiler checks those values against the model's).
     */
    public List<InputCheck> check(Map<String, RiskModelSettings.Input> mapping) {
        List<InputCheck> checks = new ArrayList<>();
        for (Input input : inputs) {
            RiskModelSettings.Input feed = mapping.getOrDefault(input.name(), RiskModelSettings.Input.of(input.name()));
            if (feed.isConstant()) {
                checks.add(new InputCheck(input.name(), feed.describe(), null, input.dataType(), null));
                continue;
            }
            String source = feed.from();
            String type = ScorecardFields.type(source);
            String problem = null;
            if (type == null) {
                problem = "not in the vocabulary: map it in market.json model.inputs";
            } else if (input.dataType() != null && feed.values() == null) {
                boolean numeric = NUMBERS.contains(DataType.fromValue(input.dataType()));
                if (numeric && !type.equals("number")) problem = "the model reads a number, " + source + " is " + type;
                if (!numeric
                        && type.equals("number")
                        && "categorical".equals(input.opType())
                        && input.dataType().equals("string")) {
                    problem = "the model reads categories as text, " + source + " is a number";
                }
            }
            checks.add(new InputCheck(input.name(), feed.describe(), type, input.dataType(), problem));
        }
        return checks;
    }
}
