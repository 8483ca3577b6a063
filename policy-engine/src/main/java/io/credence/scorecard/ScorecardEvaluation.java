package io.credence.scorecard;

import java.util.List;
import java.util.Map;

/** Request and response of POST /api/v1/scorecards/evaluate. */
final class ScorecardEvaluation {

    private ScorecardEvaluation() {
    }

    record Request(String pmml, List<Map<String, Object>> rows) {
    }

    record Response(List<Row> results) {
    }

    record Row(Double score, List<String> reasonCodes, Map<String, Object> outputs) {
    }
}
