package io.credence.vocabulary;

/**
 * Credit bureau data. Always present in the session: when the loan system sent no bureau block, or a
 * null score, {@link #isThinFile()} is true and the numbers are null.
 */
public final class Bureau {
    private final Integer score;
    private final Integer historyMonths;
    private final Integer delinquencies12m;
    private final Integer openLoans;
    private final Integer inquiries6m;
    private final Double monthlyDebtPayments;

    public Bureau(
            Integer score,
            Integer historyMonths,
            Integer delinquencies12m,
            Integer openLoans,
            Integer inquiries6m,
            Double monthlyDebtPayments) {
        this.score = score;
        this.historyMonths = historyMonths;
        this.delinquencies12m = delinquencies12m;
        this.openLoans = openLoans;
        this.inquiries6m = inquiries6m;
        this.monthlyDebtPayments = monthlyDebtPayments;
    }

    public Integer getScore() {
        return score;
    }

    public boolean isThinFile() {
        return score == null;
    }

    public Integer getHistoryMonths() {
        return historyMonths;
    }

    public Integer getDelinquencies12m() {
        return delinquencies12m;
    }

    public Integer getOpenLoans() {
        return openLoans;
    }

    public Integer getInquiries6m() {
        return inquiries6m;
    }

    public Double getMonthlyDebtPayments() {
        return monthlyDebtPayments;
    }
}
