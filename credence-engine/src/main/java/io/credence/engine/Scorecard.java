package io.credence.engine;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmg.pmml.ResultFeature;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.EvaluatorUtil;
import org.jpmml.evaluator.InputField;
import org.jpmml.evaluator.LoadingModelEvaluatorBuilder;
import org.jpmml.evaluator.OutputField;
import org.jpmml.evaluator.TargetField;

/**
 * A loaded PMML model. jpmml's evaluators are thread-safe, so one instance per policy version
 * serves every decision.
 */
public final class Scorecard {

    private final Evaluator evaluator;
    private final List<InputField> inputFields;
    private final String targetName;
    private final List<String> reasonCodeOutputs;

    private Scorecard(Evaluator evaluator) {
        this.evaluator = evaluator;
        this.inputFields = List.copyOf(evaluator.getInputFields());
        List<TargetField> targets = evaluator.getTargetFields();
        this.targetName = targets.isEmpty() ? null : targets.get(0).getName();
        this.reasonCodeOutputs = evaluator.getOutputFields().stream()
                .filter(field -> field.getField().getResultFeature() == ResultFeature.REASON_CODE)
                .sorted(Comparator.comparingInt(field -> field.getField().getRank() == null ? 1 : field.getField().getRank()))
                .map(OutputField::getName)
                .toList();
    }

    /** Loads and verifies a PMML document; the exception carries the parser's or verifier's message. */
    public static Scorecard load(String pmml) {
        List<String> refused = PmmlSandbox.problems(pmml);
        if (!refused.isEmpty()) throw new ScorecardLoadException(String.join("; ", refused), null);
        try {
            Evaluator evaluator = new LoadingModelEvaluatorBuilder()
                    .load(new ByteArrayInputStream(pmml.getBytes(StandardCharsets.UTF_8)))
                    .build();
            evaluator.verify();
            return new Scorecard(evaluator);
        } catch (Exception | LinkageError e) {
            throw new ScorecardLoadException(describe(e), e);
        }
    }

    public List<String> inputNames() {
        return inputFields.stream().map(InputField::getName).toList();
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
        Object target = targetName == null ? null : EvaluatorUtil.decode(results.get(targetName));
        List<String> reasonCodes = new ArrayList<>();
        for (String name : reasonCodeOutputs) {
            Object code = outputs.get(name);
            if (code != null) reasonCodes.add(code.toString());
        }
        Double score = target instanceof Number number ? number.doubleValue() : null;
        return new Result(score, reasonCodes, outputs);
    }

    public record Result(Double score, List<String> reasonCodes, Map<String, Object> outputs) {
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
