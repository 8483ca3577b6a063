package io.credence.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.engine.CompiledPolicy;
import io.credence.support.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The German credit demo dataset: the CSV shipped in the product is what {@link GermanCreditMapping}
 * makes of shared/data/weka_credit-g.csv, maps rows as docs/german-credit-mapping.md says, and every
 * one of its 1,000 rows is a valid GB decision request. Run with -Dcredence.regenerate-demo=true to
 * rewrite the shipped file after changing the mapping.
 */
class GermanCreditCsvTest {

    private static final Path WEKA = SharedData.file("weka_credit-g.csv");

    @Test
    void the_shipped_demo_dataset_is_what_the_mapping_produces() throws Exception {
        if (Boolean.getBoolean("credence.regenerate-demo"))
            GermanCreditMapping.write(WEKA, GermanCreditMapping.shipped());

        assertThat(Files.readString(GermanCreditMapping.shipped())).isEqualTo(GermanCreditMapping.convert(WEKA));
    }

    @Test
    void maps_the_first_applicant_as_the_mapping_document_says() {
        // weka row 1: <0, 6 months, critical/other existing credit, radio/tv, 1169 DM, no known savings, >=7 years,
        // installment rate 4, ..., age 67, no other plans, own, 2 credits, ..., good.
        String first =
                GermanCreditMapping.convert(WEKA).lines().skip(1).findFirst().orElseThrow();

        // income 1169 x 1.70 / (6 x 0.15) = 2208; amount 1169 x 1.70 = 1987;
        // score 700 + 120 (all credits at this bank paid back duly) - 100 (checking < 0) = 720
        assertThat(first)
                .isEqualTo(
                        "GC-0001,67,2208,SALARIED,84,OWNER,true,PERSONAL_LOAN,BRANCH,1987,GBP,6,RADIO_TV,720,0,2,good");
    }

    @Test
    void every_applicant_is_a_valid_request_for_the_GB_seed_policy() throws Exception {
        try (CompiledPolicy policy = Backtests.gbSeed(1)) {
            SimulationReport report =
                    Backtests.run(Files.readAllBytes(GermanCreditMapping.shipped()), policy, policy, 20, 256);

            assertThat(report.fileProblems()).isEmpty();
            assertThat(report.invalidRows()).isEmpty();
            assertThat(report.rowsDecided()).isEqualTo(1000);
            assertThat(report.rowsLabelled()).isEqualTo(1000);
            assertThat(report.stats().against().faults()).isZero();
            System.out.printf(
                    "German credit demo on the GB seed: %s, approval %s, bad rate among approved %s, "
                            + "four-fifths %s%n",
                    report.matrix(),
                    report.approvalRates().against(),
                    report.badRates().against(),
                    report.fourFifths().against());
        }
    }

    @Test
    void the_gb_seed_classifier_approves_a_lower_bad_rate_than_the_book_and_never_faults() throws Exception {
        try (CompiledPolicy policy = Backtests.gbSeed(1)) {
            SimulationReport report =
                    Backtests.run(Files.readAllBytes(GermanCreditMapping.shipped()), policy, policy, 20, 256);

            assertThat(policy.riskModelType()).isEqualTo("RegressionModel");
            assertThat(report.stats().against().faults()).isZero();
            // 300 of the 1,000 applicants went bad. The policy (the classifier's points plus GB's hard rules)
            // must approve a share of them and keep the bad rate among its approvals well below the book's.
            assertThat(report.stats().against().approved()).isBetween(100L, 900L);
            assertThat(report.badRates().against()).isLessThan(0.25);
            System.out.printf(
                    "German credit on the GB classifier: approved %d, bad rate among approved %s%n",
                    report.stats().against().approved(), report.badRates().against());
        }
    }
}
