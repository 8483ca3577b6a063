package io.credence.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.credence.engine.MarketParameters;
import io.credence.engine.PolicyPackage;
import io.credence.engine.SeedPackagesOnDisk;
import io.credence.support.ApiResponse;
import io.credence.support.Fixtures;
import io.credence.support.FullStackTest;
import io.credence.support.Json;
import io.credence.support.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each third-party classifier of shared/data/pmml-models serving as a market's risk model, as a lender
 * would set it up: GB's seed rules in a market of their own, the model's Audit inputs mapped onto the
 * vocabulary (market.json model.inputs, with values mapped, a yearly income from the monthly one and
 * constants for what the vocabulary does not hold), the positive class named and points scaled.
 */
class RiskModelMarketIT extends FullStackTest {

    @ParameterizedTest(name = "{0} validates, is stored as a draft and decides with probability, points and reasons")
    @CsvSource({
        "jpmml-transpiler_LogisticRegressionAudit, QL",
        "jpmml-transpiler_LightGBMAudit, QG",
        "jpmml-rattle_DecisionTreeAudit, QT"
    })
    void a_third_party_classifier_serves_as_the_markets_risk_model(String model, String market) {
        String pmml = read(model + ".pmml");
        Map<String, String> artifacts = gbAs(market, pmml, model(pmml));

        JsonNode report = ok(post(versions(market) + "/validate", ANALYST, body(artifacts)))
                .json();
        assertThat(report.path("valid").asBoolean()).as("%s", report).isTrue();
        JsonNode draft = created(post(versions(market), ANALYST, body(artifacts)));
        int version = draft.path("version").asInt();

        ObjectNode application = Fixtures.json(getClass(), "low-experian.json");
        application.put("market", market);
        JsonNode trial = ok(post(versions(market) + "/" + version + "/try", ANALYST, application))
                .json();

        JsonNode result = trial.path("result");
        assertThat(result.path("outcome").asString()).as("%s", trial).isEqualTo("DECLINE");
        double probability = result.path("probability").asDouble();
        assertThat(probability).as("%s", trial).isStrictlyBetween(0.0, 1.0);
        double points = 600 + 60 / Math.log(2) * Math.log((1 - probability) / probability / 3);
        assertThat(result.path("score").asDouble()).as("%s", trial).isCloseTo(points, within(0.006));
        assertThat(result.path("reasons").toString()).as("%s", trial).contains("AP_LOW_BUREAU_SCORE");
        List<String> modelReasons = result.path("reasons")
                .valueStream()
                .filter(r -> r.path("source").asString().equals("scorecard"))
                .map(r -> r.path("code").asString())
                .toList();
        assertThat(modelReasons)
                .as("%s", trial)
                .isNotEmpty()
                .isSubsetOf("SC_APPLICANT_AGE", "SC_INCOME", "SC_EMPLOYMENT_TYPE");
        assertThat(ok(get(versions(market) + "/" + version, ANALYST))
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("DRAFT");
    }

    @Test
    void a_classifier_without_a_positive_class_is_refused_with_a_message_saying_so() {
        String pmml = read("jpmml-transpiler_LogisticRegressionAudit.pmml");
        ObjectNode settings = model(pmml);
        settings.remove("positiveClass");
        settings.remove("scaling");

        ApiResponse refused = post(versions("QN") + "/validate", ANALYST, body(gbAs("QN", pmml, settings)));

        assertThat(refused.status()).as("%s", refused).isEqualTo(422);
        assertThat(refused.body()).contains("scorecard.pmml", "is a classifier", "positiveClass");
    }

    @Test
    void a_mapped_value_the_model_does_not_know_is_refused_naming_the_input() {
        String pmml = read("jpmml-transpiler_LogisticRegressionAudit.pmml");
        ObjectNode settings = model(pmml);
        ((ObjectNode) settings.path("inputs").path("Employment").path("values")).put("RETIRED", "Pensioner");

        ApiResponse refused = post(versions("QN") + "/validate", ANALYST, body(gbAs("QN", pmml, settings)));

        assertThat(refused.status()).as("%s", refused).isEqualTo(422);
        assertThat(refused.body()).contains("model.inputs.Employment", "Pensioner");
    }

    /** market.json's model section for the Audit models; Deductions only where the model reads it. */
    private static ObjectNode model(String pmml) {
        ObjectNode model = Fixtures.json(RiskModelMarketIT.class, "model.json");
        if (!pmml.contains("name=\"Deductions\"")) ((ObjectNode) model.path("inputs")).remove("Deductions");
        return model;
    }

    /** GB's seed package as market {@code market}, with this model and its settings, and a message for SC_INCOME. */
    private static Map<String, String> gbAs(String market, String pmml, ObjectNode model) {
        Map<String, String> artifacts =
                new TreeMap<>(SeedPackagesOnDisk.load("GB").artifacts());
        ObjectNode settings = (ObjectNode) Json.MAPPER.readTree(artifacts.get(PolicyPackage.SETTINGS));
        settings.put("market", market);
        settings.set("model", model);
        // A generous budget keeps a loaded CI machine from turning a decline into an EN_TIME_BUDGET referral.
        artifacts.put(
                PolicyPackage.SETTINGS,
                MarketParameters.withValue(Json.write(settings), List.of("timeBudgetMillis"), "5000"));
        ObjectNode reasons = (ObjectNode) Json.MAPPER.readTree(artifacts.get(PolicyPackage.REASONS));
        ((ObjectNode) reasons.path("en-GB")).put("SC_INCOME", "Income is low for the loan.");
        artifacts.put(PolicyPackage.REASONS, Json.write(reasons));
        artifacts.put(PolicyPackage.SCORECARD, pmml);
        return artifacts;
    }

    private static ObjectNode body(Map<String, String> artifacts) {
        ObjectNode body = Json.object();
        body.set("artifacts", Json.MAPPER.valueToTree(artifacts));
        body.put("note", "third-party classifier");
        return body;
    }

    private static String versions(String market) {
        return "/api/v1/markets/" + market + "/versions";
    }

    private static JsonNode created(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static ApiResponse ok(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private static String read(String file) {
        try {
            return Files.readString(SharedData.file("pmml-models/" + file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
