package io.credence.experiment;

import java.math.BigDecimal;
import java.util.List;

/**
 * What became of an arm's loans (from the loan-outcomes feature): funded loans, bad so far and their
 * share ({@code badRateToDate}), matured ones and the bad rate among them ({@code badRate}, null until
 * one matured), the loss reported, and its vintage curve (all its loans by month on book).
 */
public record ArmCredit(
        long funded,
        long bad,
        Double badRateToDate,
        Double badRateToDateLower,
        Double badRateToDateUpper,
        long matured,
        Double badRate,
        Double badRateLower,
        Double badRateUpper,
        BigDecimal lossAmount,
        List<VintagePoint> vintage) {

    public static final ArmCredit NONE =
            new ArmCredit(0, 0, null, null, null, 0, null, null, null, BigDecimal.ZERO, List.of());

    /** The share of the arm's funded loans bad by {@code monthsOnBook}, out of those observed that long. */
    public record VintagePoint(int monthsOnBook, long bad, double badRate) {}
}
