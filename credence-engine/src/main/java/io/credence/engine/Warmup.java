package io.credence.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs synthetic applications through a freshly compiled policy before it takes traffic. Drools
 * interprets constraints until they have been evaluated a number of times and then compiles them
 * ("jitting"); without a warm-up the first real applicants would pay for that.
 */
public final class Warmup {

    private Warmup() {}

    public record Report(int decisions, long slowestMicros, long totalMicros, List<String> faults) {}

    public static Report run(CompiledPolicy policy, int rounds) {
        List<LoanApplication> applications = syntheticApplications(policy.settings());
        long slowest = 0;
        long total = 0;
        int count = 0;
        List<String> faults = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (LoanApplication application : applications) {
                EngineResult result = policy.decide(application, Enrichment.NONE);
                count++;
                total += result.durationMicros();
                // The first round pays for class loading and is not representative of a decision's cost.
                if (round > 0) slowest = Math.max(slowest, result.durationMicros());
                if (result.fault() != null && faults.size() < 5) faults.add(result.fault());
            }
        }
        return new Report(count, slowest, total, faults);
    }

    /** A spread of applicants across the market's score scale, amounts, terms and thin files. */
    static List<LoanApplication> syntheticApplications(MarketSettings settings) {
        List<LoanApplication> list = new ArrayList<>();
        int scoreMin = settings.bureau().scoreMin();
        int scoreMax = settings.bureau().scoreMax();
        double amountMin = settings.minAmount();
        double amountMax = settings.maxAmount();
        String[] employment = {"SALARIED", "SELF_EMPLOYED", "UNEMPLOYED", "RETIRED", "STUDENT"};
        String[] residence = {"OWNER", "RENTER", "FAMILY", "OTHER"};
        for (int i = 0; i < 16; i++) {
            double share = i / 15.0;
            Integer score = i % 5 == 4 ? null : (int) Math.round(scoreMin + (scoreMax - scoreMin) * share);
            double amount = amountMin + (amountMax - amountMin) * ((i * 7) % 16) / 40.0;
            double income = Math.max(amountMin / 2, amount / (6 + i % 10));
            int term = Math.max(settings.minTermMonths(), Math.min(settings.maxTermMonths(), 6 + 6 * (i % 8)));
            list.add(new LoanApplication(
                    "warmup-" + i,
                    settings.market(),
                    "PERSONAL_LOAN",
                    "APP",
                    new LoanApplication.Applicant(
                            "warmup-customer-" + i,
                            17 + i * 4,
                            money(income),
                            employment[i % employment.length],
                            i * 9,
                            residence[i % residence.length],
                            i % 4,
                            i % 7 != 3),
                    new LoanApplication.Loan(money(amount), settings.currency(), term, "OTHER"),
                    new LoanApplication.Bureau(score, i * 6, i % 6, i % 5, i % 7, money(income * (i % 5) / 10)),
                    new LoanApplication.Device("warmup-device-" + i, i % 6 == 5 ? "ZZ" : settings.market()),
                    null));
        }
        return list;
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(Math.round(value));
    }
}
