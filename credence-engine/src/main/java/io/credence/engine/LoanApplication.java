package io.credence.engine;

import java.math.BigDecimal;

/**
 * A validated decision request, shaped exactly like the contract's JSON. Optional parts are null.
 * Construction does not validate: {@code DecisionRequestParser} does, so that every offending field
 * is reported at once.
 */
public record LoanApplication(
        String applicationId,
        String market,
        String product,
        String channel,
        Applicant applicant,
        Loan loan,
        Bureau bureau,
        Device device,
        String locale) {

    public record Applicant(
            String customerId,
            Integer age,
            BigDecimal monthlyIncome,
            String employmentStatus,
            Integer employmentMonths,
            String residentialStatus,
            Integer dependents,
            Boolean kycVerified) {
    }

    public record Loan(BigDecimal amount, String currency, Integer termMonths, String purpose) {
    }

    public record Bureau(
            Integer score,
            Integer historyMonths,
            Integer delinquencies12m,
            Integer openLoans,
            Integer inquiries6m,
            BigDecimal monthlyDebtPayments) {
    }

    public record Device(String fingerprint, String ipCountry) {
    }
}
