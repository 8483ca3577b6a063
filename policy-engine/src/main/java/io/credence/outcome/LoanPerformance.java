package io.credence.outcome;

import io.credence.engine.MarketSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * A loan's state summarised from all its observations under the market's performance definition: bad
 * once any observation is at or beyond {@code badDaysPastDue} or DEFAULTED or CHARGED_OFF; good once an
 * observation at or after funding + {@code windowMonths} shows it never was; immature otherwise.
 *
 * @param monthsObserved whole months from funding to the latest observation
 * @param badMonth months on book at the first bad observation, null while never bad
 */
record LoanPerformance(
        DecidedApplication decision,
        boolean funded,
        LocalDate fundedAt,
        BigDecimal fundedAmount,
        Integer monthsObserved,
        Integer badMonth,
        boolean matured,
        BigDecimal lossAmount,
        LocalDate lastAsOf) {

    static LoanPerformance of(
            DecidedApplication decision, List<Observation> observations, MarketSettings.Performance definition) {
        List<Observation> byDate = observations.stream()
                .sorted(Comparator.comparing(Observation::asOf))
                .toList();
        Observation latest = byDate.getLast();
        BigDecimal loss = null;
        BigDecimal amount = null;
        for (Observation o : byDate) {
            if (o.lossAmount() != null) loss = o.lossAmount();
            if (o.fundedAmount() != null) amount = o.fundedAmount();
        }
        if (!latest.funded()) {
            return new LoanPerformance(decision, false, null, null, null, null, false, loss, latest.asOf());
        }
        LocalDate fundedAt = latest.fundedAt();
        Integer badMonth = null;
        for (Observation o : byDate) {
            if (!o.funded()) continue;
            boolean bad = (o.daysPastDue() != null && o.daysPastDue() >= definition.badDaysPastDue())
                    || (o.status() != null && o.status().isBad());
            if (bad) {
                badMonth = (int) Math.max(0, ChronoUnit.MONTHS.between(fundedAt, o.asOf()));
                break;
            }
        }
        boolean good = badMonth == null && !latest.asOf().isBefore(fundedAt.plusMonths(definition.windowMonths()));
        int monthsObserved = (int) Math.max(0, ChronoUnit.MONTHS.between(fundedAt, latest.asOf()));
        return new LoanPerformance(
                decision,
                true,
                fundedAt,
                amount,
                monthsObserved,
                badMonth,
                badMonth != null || good,
                loss,
                latest.asOf());
    }

    String fundedMonth() {
        return fundedAt == null ? null : fundedAt.toString().substring(0, 7);
    }
}
