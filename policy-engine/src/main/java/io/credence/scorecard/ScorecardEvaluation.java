package io.credence.scorecard;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** Request and response of POST /api/v1/scorecards/evaluate. */
final class ScorecardEvaluation {

    private ScorecardEvaluation() {}

    /**
     * {@code positiveClass} (optional) is the class whose probability a classifier's {@code score} is;
     * {@code modelName} (optional) picks one model of a document holding several.
     */
    record Request(String pmml, List<Map<String, Object>> rows, String positiveClass, String modelName) {}

    /** {@code modelType} is the PMML element evaluated; {@code classes} a classifier's classes, else null. */
    record Response(String modelType, String modelName, List<String> classes, List<Row> results) {}

    /**
     * One row's result. Every field is written even when null, and so is every null output: a null is
     * an answer (the model gave nothing) that an analyst comparing against expected values must see.
     * {@code score}: the predicted value, or a classifier's probability of the request's positiveClass
     * (null without one); {@code probability}: class → probability for a classifier.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Row(
            Double score,
            Map<String, Double> probability,
            Object predicted,
            List<String> reasonCodes,

            @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
            Map<String, Object> outputs) {}
}
