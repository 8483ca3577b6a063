package io.credence.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Reasons of an additive tree ensemble by walking its trees (TreeEnsemble) against the exact path,
 * which evaluates the whole model once per input: the same codes in the same order on every row, and
 * the exact path for every model or row the walk does not read.
 */
class TreeReasonsTest {

    private static final List<String> GB_INPUTS =
            List.of("bureau.score", "bureau.openLoans", "applicant.age", "loan.termMonths", "loan.amount");

    @Test
    void the_100_tree_gbm_gives_by_walking_its_trees_the_reasons_the_exact_path_gives_on_every_german_credit_row() {
        Scorecard pmml = Scorecard.load(gbm());
        RiskModel model = bound(pmml, "bad", GB_INPUTS);
        List<Map<String, Object>> rows = germanCreditRows();
        model.chooseReferences(rows.subList(0, 60));
        assertThat(model.walksTrees()).isTrue();

        assertSameReasons(model, rows, rows.size() * 95 / 100);
    }

    @Test
    void the_100_tree_gbm_agrees_with_the_exact_path_on_random_applicants_across_its_split_points() {
        Scorecard pmml = Scorecard.load(gbm());
        RiskModel model = bound(pmml, "bad", GB_INPUTS);
        model.chooseReferences(germanCreditRows().subList(0, 60));
        Random random = new Random(20261204L);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("bureau.score", 350 + random.nextInt(500) + (random.nextBoolean() ? 0.5 : 0));
            row.put("bureau.openLoans", random.nextInt(6));
            row.put("applicant.age", 18 + random.nextInt(60));
            row.put("loan.termMonths", 4 + random.nextInt(70));
            row.put("loan.amount", 250 + random.nextInt(18000) + random.nextDouble());
            rows.add(row);
        }
        assertSameReasons(model, rows, rows.size() * 95 / 100);
    }

    @Test
    void lightgbms_audit_classifier_with_categorical_splits_gives_the_exact_paths_reasons_on_every_audit_row() {
        Scorecard pmml = Scorecard.load(SharedData.text("pmml-models/jpmml-transpiler_LightGBMAudit.pmml"));
        RiskModel model = bound(pmml, "1", pmml.inputNames());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, String> line : SharedData.rows("pmml-models/jpmml-transpiler_Audit.input.csv")) {
            Map<String, Object> row = new HashMap<>();
            for (String input : pmml.inputNames()) {
                String cell = line.get(input);
                Object value = cell == null || cell.isEmpty()
                        ? null
                        : switch (input) {
                            case "Age" -> Integer.parseInt(cell);
                            case "Income", "Hours" -> Double.parseDouble(cell);
                            default -> cell;
                        };
                row.put(input, value);
            }
            rows.add(row);
        }
        List<Map<String, Object>> complete =
                rows.stream().filter(row -> !row.containsValue(null)).toList();
        model.chooseReferences(complete.subList(0, 40));
        assertThat(model.walksTrees()).isTrue();

        assertSameReasons(model, rows, complete.size() * 95 / 100);

        // A missing value is not walked (LightGBM sends it down its own branch): the exact path serves.
        Map<String, Object> missing = new HashMap<>(complete.get(0));
        missing.put("Income", null);
        assertThat(model.treeReasons(missing)).isNull();
        assertThat(model.score(missing).getReasonCodes()).isEqualTo(model.exactReasons(missing));
    }

    @Test
    void an_extra_evaluation_of_an_integer_labelled_classifier_reads_the_positive_class_as_the_full_one_does() {
        // LightGBM's Audit classes are the integers 0 and 1; the exact path's extra evaluations once read
        // the probability of the text "1", got 0 for every input, and ranked them all as ties.
        Scorecard pmml = Scorecard.load(SharedData.text("pmml-models/jpmml-transpiler_LightGBMAudit.pmml"));
        List<Map<String, String>> lines = SharedData.rows("pmml-models/jpmml-transpiler_Audit.input.csv");
        for (Map<String, String> line : lines.subList(0, 20)) {
            Map<String, Object> row = new HashMap<>();
            Map<String, Object> prepared = new HashMap<>();
            for (int i = 0; i < pmml.inputNames().size(); i++) {
                String input = pmml.inputNames().get(i);
                String cell = line.get(input);
                row.put(input, cell == null || cell.isEmpty() ? null : cell);
                prepared.put(input, pmml.prepare(i, row.get(input)));
            }
            assertThat(pmml.quick(prepared, "1"))
                    .isEqualTo(pmml.evaluate(row).probabilityOf("1"))
                    .isGreaterThan(0.0);
        }
    }

    @Test
    void models_that_are_not_additive_tree_ensembles_keep_the_exact_path() {
        Scorecard logistic = Scorecard.load(SeedPackagesOnDisk.load("GB").artifact(PolicyPackage.SCORECARD));
        assertThat(bound(logistic, "bad", GB_INPUTS).walksTrees()).isFalse();
        Scorecard tree = Scorecard.load(SharedData.text("pmml-models/jpmml-rattle_DecisionTreeAudit.pmml"));
        assertThat(bound(tree, "1", tree.inputNames()).walksTrees()).isFalse();
        Scorecard regression =
                Scorecard.load(SharedData.text("pmml-models/jpmml-transpiler_LogisticRegressionAudit.pmml"));
        assertThat(bound(regression, "1", regression.inputNames()).walksTrees()).isFalse();
    }

    /**
     * On every row: the reasons a decision gets equal the exact path's; and the walk served at least
     * {@code walked} rows (otherwise this test would pass without ever testing the walk).
     */
    private static void assertSameReasons(RiskModel model, List<Map<String, Object>> rows, int walked) {
        int served = 0;
        int withReasons = 0;
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            List<String> exact = model.exactReasons(row);
            List<String> walk = model.treeReasons(row);
            if (walk != null) {
                served++;
                assertThat(walk).as("row %d %s", i, row).isEqualTo(exact);
            }
            assertThat(model.score(row).getReasonCodes())
                    .as("row %d %s", i, row)
                    .isEqualTo(exact);
            if (!exact.isEmpty()) withReasons++;
        }
        assertThat(served).as("rows the walk served").isGreaterThanOrEqualTo(walked);
        assertThat(withReasons).as("rows with reasons").isGreaterThan(rows.size() / 2);
    }

    private static RiskModel bound(Scorecard pmml, String positiveClass, List<String> inputs) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String input : inputs) codes.put(input, "R-" + input);
        List<ArtifactError> errors = new ArrayList<>();
        RiskModel model =
                RiskModel.bind(pmml, new RiskModelSettings(null, positiveClass, null, Map.of(), codes), errors);
        return model;
    }

    /** The German credit rows as the GB models read them; bureau.score, which the data lacks, spread over its range. */
    private static List<Map<String, Object>> germanCreditRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, String>> lines = SharedData.rows("weka_credit-g.csv");
        for (int i = 0; i < lines.size(); i++) {
            Map<String, String> line = lines.get(i);
            Map<String, Object> row = new HashMap<>();
            row.put("bureau.score", 400 + (i * 53) % 450);
            row.put("bureau.openLoans", Integer.parseInt(line.get("existing_credits")));
            row.put("applicant.age", Integer.parseInt(line.get("age")));
            row.put("loan.termMonths", Integer.parseInt(line.get("duration")));
            row.put("loan.amount", Double.parseDouble(line.get("credit_amount")));
            rows.add(row);
        }
        return rows;
    }

    /** The 100-tree GBM RiskModelBenchmark measures (trained by pmml-models/GB/train). */
    private static String gbm() {
        try (var in = TreeReasonsTest.class.getResourceAsStream("/io/credence/benchmark/gbm-100-trees.pmml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
