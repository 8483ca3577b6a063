package io.credence.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.engine.MarketSettings;
import io.credence.outcome.OutcomeRepository.ScoreBin;
import io.credence.outcome.OutcomeRepository.VintageCell;
import io.credence.outcome.PerformanceReport.CalibrationBand;
import io.credence.outcome.PerformanceReport.Vintage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract's good/bad/immature definition, applied to a loan's observations, and the report's shapes. */
class LoanPerformanceTest {

    private static final MarketSettings.Performance DEFINITION = new MarketSettings.Performance(90, 12);
    private static final LocalDate FUNDED = LocalDate.of(2025, 1, 5);
    private static final DecidedApplication DECISION = new DecidedApplication(
            "A-1", "IN", 3, "champion", null, "APPROVE", 700.0, null, Instant.parse("2025-01-02T10:00:00Z"));

    @Test
    void a_loan_is_immature_until_an_observation_at_the_end_of_the_window_shows_it_never_went_bad() {
        LoanPerformance young =
                of(seen("2025-12-31", 30, LoanStatus.DELINQUENT), seen("2026-01-04", 0, LoanStatus.CURRENT));
        LoanPerformance grown =
                of(seen("2025-12-31", 30, LoanStatus.DELINQUENT), seen("2026-01-05", 0, LoanStatus.CURRENT));

        assertThat(young.matured()).isFalse();
        assertThat(young.badMonth()).isNull();
        assertThat(young.monthsObserved()).isEqualTo(11);
        assertThat(grown.matured()).as("good at funding + 12 months").isTrue();
        assertThat(grown.badMonth()).isNull();
    }

    @Test
    void a_loan_is_bad_from_its_first_observation_at_the_threshold_or_defaulted_and_stays_bad() {
        LoanPerformance belowThreshold = of(seen("2025-06-10", 89, LoanStatus.DELINQUENT));
        LoanPerformance atThreshold = of(
                seen("2025-04-20", 30, LoanStatus.DELINQUENT),
                seen("2025-06-10", 90, LoanStatus.DELINQUENT),
                seen("2026-03-01", 0, LoanStatus.CURRENT));
        LoanPerformance defaulted = of(seen("2025-03-05", 10, LoanStatus.DEFAULTED));
        LoanPerformance chargedOff = of(seen("2025-02-01", 0, LoanStatus.CHARGED_OFF));

        assertThat(belowThreshold.badMonth()).isNull();
        assertThat(belowThreshold.matured()).isFalse();
        assertThat(atThreshold.badMonth()).as("months on book when first bad").isEqualTo(5);
        assertThat(atThreshold.matured()).isTrue();
        assertThat(defaulted.badMonth()).isEqualTo(2);
        assertThat(chargedOff.badMonth()).isZero();
    }

    @Test
    void a_loan_never_taken_up_is_not_funded_and_counts_in_no_bad_rate() {
        LoanPerformance notTaken = LoanPerformance.of(
                DECISION,
                List.of(new Observation("A-1", LocalDate.of(2025, 2, 1), false, null, null, null, null, null, null)),
                DEFINITION);

        assertThat(notTaken.funded()).isFalse();
        assertThat(notTaken.matured()).isFalse();
        assertThat(notTaken.fundedMonth()).isNull();
    }

    @Test
    void the_latest_reported_loss_is_the_loans_loss() {
        LoanPerformance loan = LoanPerformance.of(
                DECISION,
                List.of(
                        new Observation(
                                "A-1",
                                LocalDate.of(2025, 9, 1),
                                true,
                                FUNDED,
                                new BigDecimal("1000"),
                                120,
                                LoanStatus.DELINQUENT,
                                new BigDecimal("800"),
                                new BigDecimal("100")),
                        new Observation(
                                "A-1",
                                LocalDate.of(2025, 12, 1),
                                true,
                                FUNDED,
                                null,
                                200,
                                LoanStatus.CHARGED_OFF,
                                BigDecimal.ZERO,
                                new BigDecimal("750"))),
                DEFINITION);

        assertThat(loan.lossAmount()).isEqualByComparingTo("750");
        assertThat(loan.fundedAmount()).isEqualByComparingTo("1000");
        assertThat(loan.fundedMonth()).isEqualTo("2025-01");
    }

    @Test
    void calibration_cuts_about_ten_bands_of_equal_count_without_splitting_a_score() {
        List<ScoreBin> bins = new java.util.ArrayList<>();
        for (int score = 1; score <= 20; score++) {
            bins.add(new ScoreBin(
                    1, score, 0.05 * (21 - score) / 21, 5, score <= 4 ? 2 : 0, 0, 0, 5 * 0.05 * (21 - score) / 21, 5));
        }

        List<CalibrationBand> bands = PerformanceAggregates.calibration(bins);

        assertThat(bands).hasSize(10);
        assertThat(bands.getFirst().scoreFrom()).isEqualTo(1);
        assertThat(bands.getFirst().scoreTo()).isEqualTo(2);
        assertThat(bands.getFirst().count()).isEqualTo(10);
        assertThat(bands.getFirst().bad()).isEqualTo(4);
        assertThat(bands.getFirst().badRate()).isEqualTo(0.4);
        assertThat(bands.getFirst().meanProbability())
                .isCloseTo(0.05 * (20 + 19) / 2 / 21, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(bands.stream().mapToLong(CalibrationBand::count).sum()).isEqualTo(100);
        assertThat(PerformanceAggregates.calibration(List.of(new ScoreBin(1, 600, null, 50, 5, 0, 0, 0, 0))))
                .singleElement()
                .satisfies(b -> assertThat(b.meanProbability()).isNull());
    }

    @Test
    void a_vintage_counts_its_loans_bad_by_each_month_on_book_cumulatively() {
        List<Vintage> vintages = PerformanceAggregates.vintages(List.of(
                new VintageCell("3", "2025-01", null, 6, 4),
                new VintageCell("3", "2025-01", 1, 2, 4),
                new VintageCell("3", "2025-01", 3, 2, 4),
                new VintageCell("3", "2025-02", null, 5, 1)));

        assertThat(vintages).hasSize(2);
        Vintage january = vintages.getFirst();
        assertThat(january.funded()).isEqualTo(10);
        assertThat(january.points())
                .extracting(PerformanceReport.VintagePoint::badRate)
                .containsExactly(0.0, 0.2, 0.2, 0.4, 0.4);
        assertThat(vintages.get(1).points()).hasSize(2);
    }

    private static LoanPerformance of(Observation... observations) {
        return LoanPerformance.of(DECISION, List.of(observations), DEFINITION);
    }

    private static Observation seen(String asOf, int daysPastDue, LoanStatus status) {
        return new Observation(
                "A-1", LocalDate.parse(asOf), true, FUNDED, new BigDecimal("1000"), daysPastDue, status, null, null);
    }
}
