package io.credence.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One valid outcome record: what the servicing system saw of a loan on {@code asOf}. */
record Observation(
        String applicationId,
        LocalDate asOf,
        boolean funded,
        LocalDate fundedAt,
        BigDecimal fundedAmount,
        Integer daysPastDue,
        LoanStatus status,
        BigDecimal principalOutstanding,
        BigDecimal lossAmount) {}
