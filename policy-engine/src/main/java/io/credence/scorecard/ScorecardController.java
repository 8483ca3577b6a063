package io.credence.scorecard;

import io.credence.engine.Scorecard;
import io.credence.shared.FieldProblem;
import io.credence.shared.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/scorecards")
class ScorecardController {

    static final int MAX_ROWS = 10_000;

    @PostMapping("/evaluate")
    ScorecardEvaluation.Response evaluate(@RequestBody ScorecardEvaluation.Request request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.pmml() == null || request.pmml().isBlank()) problems.add(new FieldProblem("pmml", "is required"));
        if (request.rows() == null) problems.add(new FieldProblem("rows", "is required"));
        else if (request.rows().size() > MAX_ROWS)
            problems.add(new FieldProblem("rows", "at most " + MAX_ROWS + " rows"));
        if (!problems.isEmpty()) throw new InvalidRequestException(problems);

        Scorecard model = Scorecard.load(request.pmml(), blankToNull(request.modelName()));
        String positiveClass = blankToNull(request.positiveClass());
        if (positiveClass != null) {
            if (!model.isClassifier()) {
                throw new InvalidRequestException(
                        "positiveClass",
                        "applies to classifiers only; this " + model.modelType() + " predicts a value");
            }
            if (!model.classes().isEmpty() && !model.classes().contains(positiveClass)) {
                throw new InvalidRequestException(
                        "positiveClass", "is not a class of the model; its classes are " + model.classes());
            }
        }
        List<ScorecardEvaluation.Row> results = new ArrayList<>(request.rows().size());
        for (int i = 0; i < request.rows().size(); i++) {
            Map<String, Object> row = request.rows().get(i);
            try {
                Scorecard.Result result = model.evaluate(row == null ? Map.of() : row);
                Double score = model.isClassifier()
                        ? (positiveClass == null ? null : result.probabilityOf(positiveClass))
                        : result.value();
                results.add(new ScorecardEvaluation.Row(
                        score, result.probabilities(), result.predicted(), result.reasonCodes(), result.outputs()));
            } catch (RuntimeException e) {
                problems.add(new FieldProblem("rows[" + i + "]", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) throw new InvalidRequestException(problems);
        return new ScorecardEvaluation.Response(
                model.modelType(), model.modelName(), model.isClassifier() ? model.classes() : null, results);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
