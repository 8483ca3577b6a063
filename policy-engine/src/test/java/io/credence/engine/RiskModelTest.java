package io.credence.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.credence.support.Fixtures;
import io.credence.support.SharedData;
import io.credence.vocabulary.Score;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any PMML model as a market's risk model (CONTRACT.md "Risk models"): the third-party classifiers in
 * shared/data/pmml-models score exactly what their expected files say once bound to a market's
 * {@code model} section, the scaling turns the probability into points, and each reason the contract
 * lists for a model that cannot serve is an error naming scorecard.pmml.
 */
class RiskModelTest {

    private static final String LOGISTIC = "jpmml-transpiler_LogisticRegressionAudit";
    private static final String GBM = "jpmml-transpiler_LightGBMAudit";
    private static final String TREE = "jpmml-rattle_DecisionTreeAudit";
    private static final RiskModelSettings.Scaling SCALING = new RiskModelSettings.Scaling(600, 50, 20);

    static Stream<Arguments> classifiers() {
        return Stream.of(
                Arguments.of(LOGISTIC, "jpmml-transpiler_Audit.input.csv", "probability(1)", "RegressionModel"),
                Arguments.of(GBM, "jpmml-transpiler_Audit.input.csv", "probability(1)", "MiningModel"),
                Arguments.of(TREE, "jpmml-evaluator_Audit.input.csv", "Probability_1", "TreeModel"));
    }

    @ParameterizedTest(name = "{0} as a market's risk model gives the expected probability of class 1 on every row")
    @MethodSource("classifiers")
    void a_third_party_classifier_scores_every_row_exactly_as_its_expected_file_says(
            String model, String inputs, String expectedColumn, String type) {
        Scorecard pmml = Scorecard.load(SharedData.text("pmml-models/" + model + ".pmml"));
        List<ArtifactError> errors = new ArrayList<>();
        RiskModel unscaled = RiskModel.bind(pmml, new RiskModelSettings(null, "1", null, Map.of(), Map.of()), errors);
        RiskModel scaled = RiskModel.bind(pmml, new RiskModelSettings(null, "1", SCALING, Map.of(), Map.of()), errors);
        List<Map<String, String>> rows = SharedData.rows("pmml-models/" + inputs);
        List<Map<String, String>> expected = SharedData.rows("pmml-models/" + model + ".expected.csv");

        assertThat(pmml.modelType()).isEqualTo(type);
        assertThat(pmml.isClassifier()).isTrue();
        assertThat(pmml.classes()).containsExactlyInAnyOrder("0", "1");
        assertThat(rows).hasSameSizeAs(expected).hasSizeGreaterThan(1000);
        for (int i = 0; i < rows.size(); i++) {
            double p = Double.parseDouble(expected.get(i).get(expectedColumn));
            Map<String, Object> row = new HashMap<>(rows.get(i));
            Score plain = unscaled.score(row);
            Score points = scaled.score(row);

            assertThat(plain.getProbability()).as("row %d", i + 1).isCloseTo(p, within(1e-9));
            assertThat(plain.getValue())
                    .as("row %d: the value is the probability without scaling", i + 1)
                    .isCloseTo(p, within(1e-9));
            assertThat(points.getProbability()).as("row %d", i + 1).isCloseTo(p, within(1e-9));
            assertThat(points.getValue()).as("row %d: points", i + 1).isEqualTo(SCALING.points(p));
        }
    }

    @Test
    void scaling_gives_the_base_score_at_the_base_odds_and_pdo_more_points_at_double_the_odds() {
        // Odds good:bad of 50 mean p = 1/51; of 100, p = 1/101.
        assertThat(SCALING.points(1 / 51.0)).isEqualTo(600.0);
        assertThat(SCALING.points(1 / 101.0)).isEqualTo(620.0);
        assertThat(SCALING.points(0.5))
                .isEqualTo(Math.round((600 + 20 / Math.log(2) * Math.log(1 / 50.0)) * 100) / 100.0);
    }

    @Test
    void a_scorecard_without_a_target_mining_field_still_scores() {
        Scorecard scorecard = Scorecard.load(Fixtures.text(RiskModelTest.class, "scorecard-without-target.pmml"));
        Scorecard.Result result = scorecard.evaluate(Map.of(
                "bureau.score",
                780,
                "features.debtToIncome",
                0.2,
                "applicant.employmentMonths",
                48,
                "bureau.delinquencies12m",
                0,
                "bureau.inquiries6m",
                1,
                "applicant.employmentStatus",
                "SALARIED"));

        assertThat(scorecard.isClassifier()).isFalse();
        assertThat(result.value()).isNotNull().isPositive();
        assertThat(result.predicted()).isEqualTo(result.value());
    }

    @Test
    void a_classifier_without_a_positive_class_is_refused_with_a_message_saying_so() {
        List<ArtifactError> errors = CompileErrors.ofIndiaWith(Map.of(
                PolicyPackage.SCORECARD,
                SharedData.text("pmml-models/" + LOGISTIC + ".pmml"),
                PolicyPackage.SETTINGS,
                settings(auditInputs(), null)));

        assertThat(errors).anySatisfy(e -> {
            assertThat(e.artifact()).isEqualTo(PolicyPackage.SCORECARD);
            assertThat(e.message()).contains("is a classifier", "positiveClass", "\"0\"", "\"1\"");
        });
    }

    @Test
    void a_positive_class_the_model_does_not_have_is_refused() {
        List<ArtifactError> errors = CompileErrors.ofIndiaWith(Map.of(
                PolicyPackage.SCORECARD,
                SharedData.text("pmml-models/" + LOGISTIC + ".pmml"),
                PolicyPackage.SETTINGS,
                settings(auditInputs(), "\"bad\"")));

        assertThat(errors).anySatisfy(e -> {
            assertThat(e.artifact()).isEqualTo(PolicyPackage.SCORECARD);
            assertThat(e.message()).contains("has no class \"bad\"");
        });
    }

    @Test
    void an_input_neither_mapped_nor_in_the_vocabulary_is_refused() {
        Map<String, String> inputs = new TreeMap<>(auditInputs());
        inputs.remove("Income");
        List<ArtifactError> errors = CompileErrors.ofIndiaWith(Map.of(
                PolicyPackage.SCORECARD,
                SharedData.text("pmml-models/" + LOGISTIC + ".pmml"),
                PolicyPackage.SETTINGS,
                settings(inputs, "\"1\"")));

        assertThat(errors).anySatisfy(e -> {
            assertThat(e.artifact()).isEqualTo(PolicyPackage.SCORECARD);
            assertThat(e.message()).contains("'Income'", "model.inputs");
        });
    }

    @Test
    void a_document_with_several_models_needs_model_name_and_then_uses_the_one_named() {
        String twoModels = Fixtures.text(RiskModelTest.class, "two-models.pmml");

        assertThatThrownBy(() -> Scorecard.load(twoModels))
                .isInstanceOf(ScorecardLoadException.class)
                .hasMessageContaining("holds 2 models")
                .hasMessageContaining("audit-a")
                .hasMessageContaining("model.name");
        assertThat(Scorecard.load(twoModels, "audit-b").modelName()).isEqualTo("audit-b");
        List<ArtifactError> errors = CompileErrors.ofIndiaWith(
                Map.of(PolicyPackage.SCORECARD, twoModels, PolicyPackage.SETTINGS, settings(auditInputs(), "\"1\"")));
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.artifact()).isEqualTo(PolicyPackage.SCORECARD);
            assertThat(e.message()).contains("holds 2 models");
        });
    }

    @Test
    void a_model_that_fails_on_the_markets_synthetic_applications_is_refused_naming_the_application() {
        // Every categorical Audit input reads loan.purpose, whose values ("OTHER") are none of the
        // model's categories: jpmml refuses them (returnInvalid), so the model cannot score anyone.
        List<ArtifactError> errors = CompileErrors.ofIndiaWith(Map.of(
                PolicyPackage.SCORECARD,
                SharedData.text("pmml-models/" + LOGISTIC + ".pmml"),
                PolicyPackage.SETTINGS,
                settings(auditInputs(), "\"1\"")));

        assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e.artifact()).isEqualTo(PolicyPackage.SCORECARD));
        assertThat(errors)
                .anySatisfy(e -> assertThat(e.message()).contains("cannot score the probe application warmup-"));
    }

    @Test
    void a_classifier_whose_inputs_are_all_mapped_and_valid_serves_and_names_the_worst_inputs_as_reasons() {
        // The GB seed's logistic regression is a classifier of "bad" on vocabulary names.
        PolicyPackage gb = SeedPackagesOnDisk.load("GB");
        try (CompiledPolicy policy = PolicyCompiler.compile(gb, 1)) {
            // The first decisions pay for class loading and would overrun GB's time budget.
            Warmup.run(policy, 3);
            LoanApplication risky = application("GB", 580, 22, 60, 20_000);
            LoanApplication safe = application("GB", 990, 60, 12, 2_000);

            EngineResult riskyResult = policy.decide(risky, Enrichment.NONE);
            EngineResult safeResult = policy.decide(safe, Enrichment.NONE);

            assertThat(riskyResult.probability()).isBetween(0.5, 1.0);
            assertThat(safeResult.probability()).isBetween(0.0, 0.1);
            assertThat(riskyResult.score()).isLessThan(safeResult.score());
            assertThat(riskyResult.score().scale()).isEqualTo(2);
            assertThat(riskyResult.reasons()).extracting(Reason::code).contains("SC_BUREAU_SCORE", "SC_LOAN_TERM");
            assertThat(riskyResult.reasons())
                    .filteredOn(r -> r.code().startsWith("SC_"))
                    .allSatisfy(r -> assertThat(r.message()).isNotEqualTo(r.code()));
        }
    }

    private static LoanApplication application(String market, int bureauScore, int age, int term, int amount) {
        return LoanApplicationParser.parse("""
                {"applicationId": "R-%d-%d", "market": "%s", "product": "PERSONAL_LOAN", "channel": "APP",
                 "applicant": {"customerId": "C-1", "age": %d, "monthlyIncome": 4000, "employmentStatus": "SALARIED",
                   "employmentMonths": 24, "residentialStatus": "RENTER", "dependents": 0, "kycVerified": true},
                 "loan": {"amount": %d, "currency": "GBP", "termMonths": %d, "purpose": "OTHER"},
                 "bureau": {"score": %d, "historyMonths": 48, "delinquencies12m": 0, "openLoans": 1,
                   "inquiries6m": 1, "monthlyDebtPayments": 0}}
                """.formatted(bureauScore, age, market, age, amount, term, bureauScore));
    }

    /** Numbers onto numbers, every categorical Audit input onto loan.purpose, the only free text there is. */
    private static Map<String, String> auditInputs() {
        return Map.of(
                "Age",
                "applicant.age",
                "Income",
                "applicant.monthlyIncome",
                "Hours",
                "loan.termMonths",
                "Employment",
                "loan.purpose",
                "Education",
                "loan.purpose",
                "Marital",
                "loan.purpose",
                "Occupation",
                "loan.purpose",
                "Gender",
                "loan.purpose");
    }

    /** India's seed market.json with a model section. */
    private static String settings(Map<String, String> inputs, String positiveClass) {
        String market =
                SeedPackagesOnDisk.load("IN").artifact(PolicyPackage.SETTINGS).strip();
        StringBuilder model = new StringBuilder("{");
        if (positiveClass != null)
            model.append("\"positiveClass\": ").append(positiveClass).append(", ");
        model.append("\"inputs\": {");
        model.append(String.join(
                ", ",
                inputs.entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                        .toList()));
        model.append("}}");
        return market.substring(0, market.lastIndexOf('}')) + ", \"model\": " + model + "}";
    }
}
