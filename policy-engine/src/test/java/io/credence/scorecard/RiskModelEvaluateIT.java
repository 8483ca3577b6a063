package io.credence.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.credence.support.ApiResponse;
import io.credence.support.FullStackTest;
import io.credence.support.Json;
import io.credence.support.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * POST /api/v1/scorecards/evaluate with the third-party classifiers of shared/data/pmml-models (a
 * logistic regression, a LightGBM ensemble and an rpart tree): every row's {@code score} is the
 * positive class's probability as the expected file says, with the class → probability map, the
 * predicted class (never dropped) and every output, nulls kept.
 */
class RiskModelEvaluateIT extends FullStackTest {

    private static final String EVALUATE = "/api/v1/scorecards/evaluate";
    private static final int BATCH = 400;

    @ParameterizedTest(name = "{0} evaluates every row to its expected probabilities")
    @CsvSource({
        "jpmml-transpiler_LogisticRegressionAudit, jpmml-transpiler_Audit.input.csv, probability(0), probability(1), RegressionModel,",
        "jpmml-transpiler_LightGBMAudit, jpmml-transpiler_Audit.input.csv, probability(0), probability(1), MiningModel,",
        "jpmml-rattle_DecisionTreeAudit, jpmml-evaluator_Audit.input.csv, Probability_0, Probability_1, TreeModel, Predicted_Adjusted"
    })
    void a_third_party_classifier_evaluates_exactly(
            String name, String inputFile, String column0, String column1, String type, String predictedColumn) {
        PmmlModel model = PmmlModel.parse(read(name + ".pmml"));
        Csv inputs = Csv.parse(read(inputFile));
        Csv expected = Csv.parse(read(name + ".expected.csv"));
        ArrayNode rows = Json.MAPPER.createArrayNode();
        for (List<String> row : inputs.rows()) {
            ObjectNode json = rows.addObject();
            for (String input : model.inputs()) {
                // A LightGBM chain's segments declare their own MiningFields (lgbmValue): only data columns are inputs.
                if (!inputs.header().contains(input)) continue;
                String cell = row.get(inputs.header().indexOf(input));
                if (cell.isEmpty()) continue;
                if (model.isNumeric(input)) json.put(input, new BigDecimal(cell));
                else json.put(input, cell);
            }
        }

        // Sent in batches, so that a 71-tree ensemble on a busy machine answers within the client's timeout.
        ArrayNode results = Json.MAPPER.createArrayNode();
        for (int from = 0; from < rows.size(); from += BATCH) {
            ObjectNode request = Json.object().put("pmml", model.text()).put("positiveClass", "1");
            ArrayNode batch = request.putArray("rows");
            for (int i = from; i < Math.min(rows.size(), from + BATCH); i++) batch.add(rows.get(i));

            ApiResponse response = post(EVALUATE, ANALYST, request);

            assertThat(response.status()).as("%s", response).isEqualTo(200);
            assertThat(response.json().path("modelType").asString()).isEqualTo(type);
            assertThat(texts(response.json().path("classes"))).containsExactlyInAnyOrder("0", "1");
            response.json().path("results").forEach(results::add);
        }
        assertThat(results.size()).isEqualTo(expected.rows().size());
        for (int i = 0; i < expected.rows().size(); i++) {
            JsonNode result = results.get(i);
            List<String> row = expected.rows().get(i);
            double p0 = Double.parseDouble(row.get(expected.header().indexOf(column0)));
            double p1 = Double.parseDouble(row.get(expected.header().indexOf(column1)));
            String where = name + " row " + (i + 1);
            assertThat(result.path("score").asDouble()).as(where).isCloseTo(p1, within(1e-9));
            assertThat(result.path("probability").path("1").asDouble())
                    .as(where)
                    .isCloseTo(p1, within(1e-9));
            assertThat(result.path("probability").path("0").asDouble())
                    .as(where)
                    .isCloseTo(p0, within(1e-9));
            assertThat(result.has("predicted")).as(where).isTrue();
            String predicted = result.path("predicted").isString()
                    ? result.path("predicted").asString()
                    : result.path("predicted").toString();
            if (predictedColumn != null && !predictedColumn.isBlank()) {
                assertThat(predicted)
                        .as(where)
                        .isEqualTo(row.get(expected.header().indexOf(predictedColumn)));
            } else if (Math.abs(p1 - p0) > 1e-9) {
                assertThat(predicted).as(where).isEqualTo(p1 > p0 ? "1" : "0");
            }
            assertThat(result.path("reasonCodes").isArray()).as(where).isTrue();
        }
    }

    @Test
    void a_classifier_without_a_positive_class_has_no_score_but_keeps_its_prediction_and_probabilities() {
        ObjectNode request = Json.object().put("pmml", read("jpmml-transpiler_LogisticRegressionAudit.pmml"));
        request.putArray("rows")
                .addObject()
                .put("Age", 38)
                .put("Employment", "Private")
                .put("Education", "College")
                .put("Marital", "Unmarried")
                .put("Occupation", "Service")
                .put("Income", 81838)
                .put("Gender", "Female")
                .put("Hours", 72);

        ApiResponse response = post(EVALUATE, ANALYST, request);

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode result = response.json().path("results").get(0);
        assertThat(result.has("score")).isTrue();
        assertThat(result.path("score").isNull()).isTrue();
        assertThat(result.path("predicted").asString()).isEqualTo("0");
        assertThat(result.path("probability").path("1").asDouble()).isCloseTo(0.21598635338964597, within(1e-9));
    }

    @Test
    void a_positive_class_the_model_does_not_have_is_a_400_naming_the_field() {
        ObjectNode request = Json.object()
                .put("pmml", read("jpmml-transpiler_LogisticRegressionAudit.pmml"))
                .put("positiveClass", "bad");
        request.putArray("rows");

        ApiResponse response = post(EVALUATE, ANALYST, request);

        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.body()).contains("positiveClass");
    }

    @Test
    void a_null_output_is_kept_as_null() {
        // h2o's loan scorecard, second expected row: only two reason codes, so "Reason Code 3" is null.
        ObjectNode request = Json.object().put("pmml", readScorecard("h2o_Loan_Scorecard.pmml"));
        request.putArray("rows")
                .addObject()
                .put("creditScore", 590)
                .put("propertyType", "Condo")
                .put("ltv", 75)
                .put("loanAmount", 220000);

        ApiResponse response = post(EVALUATE, ANALYST, request);

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode result = response.json().path("results").get(0);
        assertThat(result.path("score").asDouble()).isEqualTo(672.0);
        assertThat(result.path("predicted").asDouble()).isEqualTo(672.0);
        assertThat(result.path("outputs").has("Reason Code 3")).as("%s", result).isTrue();
        assertThat(result.path("outputs").path("Reason Code 3").isNull()).isTrue();
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static String read(String file) {
        try {
            return Files.readString(SharedData.file("pmml-models/" + file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readScorecard(String file) {
        try {
            return Files.readString(SharedData.file("pmml/" + file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
