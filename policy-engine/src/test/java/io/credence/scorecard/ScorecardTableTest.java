package io.credence.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.engine.ScorecardLoadException;
import io.credence.scorecard.ScorecardTable.Bin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScorecardTableTest {

    private final ScorecardTable table = ScorecardTable.parse(fixture());

    @Test
    void reads_the_model_header() {
        assertThat(table.modelName()).isEqualTo("fixture-scorecard");
        assertThat(table.initialScore()).isEqualTo(100.0);
        assertThat(table.usesReasonCodes()).isTrue();
        assertThat(table.reasonCodeAlgorithm()).isEqualTo("pointsBelow");
    }

    @Test
    void lists_characteristics_in_document_order_with_their_bins_in_the_order_they_are_tried() {
        assertThat(table.characteristics())
                .extracting(ScorecardTable.Characteristic::name)
                .containsExactly("bureauScore", "residence", "affordability");
        assertThat(table.characteristics().get(0).bins())
                .containsExactly(
                        new Bin("bureau.score is missing", 110.0, "SC_BUREAU_SCORE"),
                        new Bin("bureau.score < 600", 40.0, "SC_BUREAU_SCORE"),
                        new Bin("bureau.score ≤ 750", 220.0, "SC_BUREAU_SCORE"),
                        new Bin("otherwise", 300.0, "SC_BUREAU_SCORE"));
    }

    @Test
    void a_bin_with_its_own_reason_code_keeps_it_and_the_others_inherit_the_characteristics() {
        assertThat(table.characteristics().get(1).bins())
                .extracting(Bin::reasonCode)
                .containsExactly("SC_RESIDENCE", "SC_RENTS_OR_FAMILY", "SC_RESIDENCE");
    }

    @Test
    void set_predicates_list_their_values() {
        assertThat(table.characteristics().get(1).bins().get(1).condition())
                .isEqualTo("applicant.residentialStatus is in (RENTER, FAMILY)");
    }

    @Test
    void compound_predicates_are_written_out_with_parentheses_around_nested_ones() {
        assertThat(table.characteristics().get(2).bins().get(0).condition())
                .isEqualTo(
                        "features.debtToIncome < 0.35 and (applicant.employmentMonths ≥ 24 or applicant.employmentMonths is missing)");
    }

    @Test
    void a_characteristic_without_a_baseline_takes_the_models() {
        assertThat(table.characteristics())
                .extracting(ScorecardTable.Characteristic::baselineScore)
                .containsExactly(219.0, 10.0, 50.0);
    }

    @Test
    void the_score_range_adds_the_extreme_bins_to_the_initial_score() {
        assertThat(table.characteristics().get(2).minScore()).isEqualTo(-15.0);
        assertThat(table.lowestTotal()).isEqualTo(100 + 40 + 20 - 15);
        assertThat(table.highestTotal()).isEqualTo(100 + 300 + 45 + 80);
    }

    @Test
    void reads_every_seed_scorecard() throws IOException {
        try (var markets = Files.list(Path.of("..", "pmml-models"))) {
            for (Path market : markets.toList()) {
                String pmml = Files.readString(market.resolve("scorecard.pmml"));
                // GB's risk model is a trained logistic regression (ModelSummaryTest reads it), not a scorecard.
                if (!pmml.contains("<Scorecard ")) continue;
                ScorecardTable seed = ScorecardTable.parse(pmml);
                assertThat(seed.characteristics())
                        .as(market.toString())
                        .isNotEmpty()
                        .allSatisfy(c -> assertThat(c.bins()).isNotEmpty());
            }
        }
    }

    @Test
    void a_document_that_is_not_xml_is_refused_with_the_parsers_message() {
        assertThatThrownBy(() -> ScorecardTable.parse("<PMML><unclosed></PMML>"))
                .isInstanceOf(ScorecardLoadException.class)
                .hasMessageStartingWith("The PMML document does not parse:");
    }

    @Test
    void a_model_that_is_not_a_scorecard_is_refused_by_name() {
        String regression = """
                <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"><Header/>
                  <DataDictionary><DataField name="y" optype="continuous" dataType="double"/></DataDictionary>
                  <RegressionModel functionName="regression"><MiningSchema><MiningField name="y" usageType="target"/></MiningSchema>
                    <RegressionTable intercept="1"/></RegressionModel>
                </PMML>""";
        assertThatThrownBy(() -> ScorecardTable.parse(regression))
                .isInstanceOf(ScorecardLoadException.class)
                .hasMessageContaining("no Scorecard model")
                .hasMessageContaining("RegressionModel");
    }

    private static String fixture() {
        try (InputStream in = ScorecardTableTest.class.getResourceAsStream("ScorecardTableTest.pmml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
