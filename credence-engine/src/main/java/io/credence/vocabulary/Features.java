package io.credence.vocabulary;

/**
 * Features the engine derives before any rule runs, so that every stage and the scorecard agree on
 * them. Ratios are capped at {@link #RATIO_CAP} so that a zero income does not produce infinity.
 */
public final class Features {
    public static final double RATIO_CAP = 99.0;

    private final double monthlyInstalment;
    private final double existingDebtToIncome;
    private final double debtToIncome;
    private final double loanToIncome;
    private final double instalmentToIncome;

    public Features(
            double monthlyInstalment,
            double existingDebtToIncome,
            double debtToIncome,
            double loanToIncome,
            double instalmentToIncome) {
        this.monthlyInstalment = monthlyInstalment;
        this.existingDebtToIncome = existingDebtToIncome;
        this.debtToIncome = debtToIncome;
        this.loanToIncome = loanToIncome;
        this.instalmentToIncome = instalmentToIncome;
    }

    /** Instalment of the requested loan at the market's reference APR, as an annuity. */
    public double getMonthlyInstalment() {
        return monthlyInstalment;
    }
    /** Existing monthly debt payments over monthly income. */
    public double getExistingDebtToIncome() {
        return existingDebtToIncome;
    }
    /** Existing debt payments plus the new instalment, over monthly income. */
    public double getDebtToIncome() {
        return debtToIncome;
    }
    /** Requested amount over annual income (amount / (12 x monthly income)). */
    public double getLoanToIncome() {
        return loanToIncome;
    }
    /** The new instalment over monthly income. */
    public double getInstalmentToIncome() {
        return instalmentToIncome;
    }
}
