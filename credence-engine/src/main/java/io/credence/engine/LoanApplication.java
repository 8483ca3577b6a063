package io.credence.engine;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A validated decision request, shaped exactly like the contract's JSON. Optional parts are null.
 * Construction does not validate: {@code DecisionRequestParser} does, so that every offending field
 * is reported at once.
 */
public record LoanApplication(
        String applicationId,
        String market,
        String product,
        @Nullable String channel,
        Applicant applicant,
        Loan loan,
        @Nullable Bureau bureau,
        @Nullable Device device,
        @Nullable String locale) {

    public record Applicant(
            String customerId,
            Integer age,
            BigDecimal monthlyIncome,
            String employmentStatus,
            @Nullable Integer employmentMonths,
            @Nullable String residentialStatus,
            @Nullable Integer dependents,
            Boolean kycVerified) {}

    public record Loan(
            BigDecimal amount,
            String currency,
            Integer termMonths,
            @Nullable String purpose) {}

    public record Bureau(
            @Nullable Integer score,
            @Nullable Integer historyMonths,
            @Nullable Integer delinquencies12m,
            @Nullable Integer openLoans,
            @Nullable Integer inquiries6m,
            @Nullable BigDecimal monthlyDebtPayments) {}

    public record Device(String fingerprint, @Nullable String ipCountry) {}
}
