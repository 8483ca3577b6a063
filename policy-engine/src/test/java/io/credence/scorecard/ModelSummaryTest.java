package io.credence.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.engine.RiskModelSettings;
import io.credence.engine.SeedPackagesOnDisk;
import io.credence.support.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the workbench shows an analyst about a model that is not a scorecard: a regression's
 * coefficients, a tree ensemble's size and input importance, and each input checked against the
 * vocabulary field that feeds it.
 */
class ModelSummaryTest {

    @Test
    void a_logistic_regression_shows_its_classes_and_every_coefficient() {
        ModelSummary model =
                ModelSummary.parse(read(SeedPackagesOnDisk.root().resolve("pmml-models/GB/scorecard.pmml")), null);

        assertThat(model.modelType()).isEqualTo("RegressionModel");
        assertThat(model.function()).isEqualTo("classification");
        assertThat(model.classes()).containsExactly("bad", "good");
        assertThat(model.trees()).isZero();
        assertThat(model.coefficients()).anySatisfy(c -> {
            assertThat(c.targetCategory()).isEqualTo("good");
            assertThat(c.term()).isEqualTo("bureau.score");
            assertThat(c.coefficient()).isPositive();
        });
        assertThat(model.check(Map.of()))
                .allSatisfy(check -> assertThat(check.problem()).isNull());
    }

    @Test
    void a_gradient_boosted_ensemble_shows_its_trees_and_the_importance_it_declares() {
        ModelSummary model =
                ModelSummary.parse(read(SharedData.file("pmml-models/jpmml-transpiler_LightGBMAudit.pmml")), null);

        assertThat(model.modelType()).isEqualTo("MiningModel");
        assertThat(model.trees()).as("TreeModel elements in the file").isEqualTo(71);
        assertThat(model.importanceSource()).isEqualTo("model");
        assertThat(model.inputs())
                .extracting(ModelSummary.Input::name)
                .containsExactly(
                        "Employment", "Education", "Marital", "Occupation", "Gender", "Age", "Income", "Hours");
        // Income's declared importance, 874 of 2130.
        assertThat(model.inputs())
                .filteredOn(i -> i.name().equals("Income"))
                .singleElement()
                .satisfies(i -> assertThat(i.importance())
                        .isCloseTo(874 / 2130.0, org.assertj.core.api.Assertions.within(1e-9)));
    }

    @Test
    void a_single_tree_counts_its_splits_as_importance() {
        ModelSummary model =
                ModelSummary.parse(read(SharedData.file("pmml-models/jpmml-rattle_DecisionTreeAudit.pmml")), null);

        assertThat(model.modelType()).isEqualTo("TreeModel");
        assertThat(model.trees()).isEqualTo(1);
        assertThat(model.importanceSource()).isEqualTo("splits");
        assertThat(model.inputs().stream()
                        .mapToDouble(i -> i.importance() == null ? 0 : i.importance())
                        .sum())
                .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void an_input_fed_from_a_field_of_the_wrong_type_or_from_nothing_is_flagged() {
        ModelSummary model = ModelSummary.parse(
                read(SharedData.file("pmml-models/jpmml-transpiler_LogisticRegressionAudit.pmml")), null);

        var checks = model.check(Map.of(
                "Age",
                RiskModelSettings.Input.of("applicant.employmentStatus"),
                "Income",
                RiskModelSettings.Input.of("applicant.monthlyIncome")));

        assertThat(checks)
                .filteredOn(c -> c.input().equals("Age"))
                .singleElement()
                .satisfies(c -> assertThat(c.problem()).contains("reads a number", "text"));
        assertThat(checks)
                .filteredOn(c -> c.input().equals("Income"))
                .singleElement()
                .satisfies(c -> assertThat(c.problem()).isNull());
        assertThat(checks)
                .filteredOn(c -> c.input().equals("Hours"))
                .singleElement()
                .satisfies(c -> assertThat(c.problem()).contains("not in the vocabulary"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
