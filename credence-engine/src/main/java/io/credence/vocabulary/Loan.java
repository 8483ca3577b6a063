package io.credence.vocabulary;

public final class Loan {
    private final double amount;
    private final String currency;
    private final int termMonths;
    private final String purpose;

    public Loan(double amount, String currency, int termMonths, String purpose) {
        this.amount = amount;
        this.currency = currency;
        this.termMonths = termMonths;
        this.purpose = purpose;
    }

    public double getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public int getTermMonths() {
        return termMonths;
    }
    /** Free text such as DEBT_CONSOLIDATION; null when not supplied. */
    public String getPurpose() {
        return purpose;
    }
}
