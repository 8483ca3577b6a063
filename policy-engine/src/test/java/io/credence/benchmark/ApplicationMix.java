package io.credence.benchmark;

import io.credence.engine.Enrichment;
import io.credence.engine.LoanApplication;
import io.credence.engine.MarketSettings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fixed, seeded mix of applications for one market, shaped by its settings so that every market
 * sees the same spread: mostly bureau-scored salaried applicants across the score scale, some thin
 * files, self-employed, retired and jobless applicants, loans from small to over the limit, a few
 * foreign IPs, fraud-list hits and velocity bursts. Between a quarter and a half are approved; the
 * rest decline or refer for the whole range of reasons, so every stage of the policy does work.
 */
final class ApplicationMix {

    static final int SIZE = 64;

    record Case(LoanApplication application, Enrichment enrichment) {}

    private ApplicationMix() {}

    static List<Case> of(MarketSettings market, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Case> cases = new ArrayList<>(SIZE);
        int scaleMin = market.bureau().scoreMin();
        int scaleMax = market.bureau().scoreMax();
        for (int i = 0; i < SIZE; i++) {
            // Incomes from 1.5x to 15x the market's smallest loan a month; loans from half to 4 months' income.
            double income = market.minAmount() * (1.5 + 13.5 * random.nextDouble());
            double amount = Math.min(
                    market.maxAmount() * 1.1, Math.max(market.minAmount(), income * (0.5 + 3.5 * random.nextDouble())));
            int term = pick(random, market.minTermMonths(), market.maxTermMonths());
            double draw = random.nextDouble();
            String employment = draw < 0.62
                    ? "SALARIED"
                    : draw < 0.82 ? "SELF_EMPLOYED" : draw < 0.90 ? "RETIRED" : draw < 0.95 ? "UNEMPLOYED" : "STUDENT";
            int age = random.nextDouble() < 0.02 ? 17 : 20 + random.nextInt(50);
            Integer employmentMonths = employment.equals("UNEMPLOYED") || employment.equals("STUDENT")
                    ? null
                    : random.nextInt(Math.max(1, (age - 17) * 12));
            String residence = new String[] {"OWNER", "RENTER", "FAMILY", "OTHER"}[random.nextInt(4)];
            LoanApplication.Bureau bureau = random.nextDouble() < 0.12
                    ? null
                    : new LoanApplication.Bureau(
                            scaleMin + (int) ((scaleMax - scaleMin) * (0.45 + 0.55 * random.nextDouble())),
                            random.nextInt(180),
                            random.nextDouble() < 0.8 ? 0 : 1 + random.nextInt(4),
                            random.nextInt(6),
                            random.nextInt(5),
                            money(income * 0.3 * random.nextDouble()));
            String country = random.nextDouble() < 0.05 ? "US" : market.market();
            cases.add(new Case(
                    new LoanApplication(
                            "BENCH-" + market.market() + "-" + i,
                            market.market(),
                            "PERSONAL_LOAN",
                            "APP",
                            new LoanApplication.Applicant(
                                    "C-" + i,
                                    age,
                                    money(income),
                                    employment,
                                    employmentMonths,
                                    residence,
                                    random.nextInt(4),
                                    random.nextDouble() > 0.03),
                            new LoanApplication.Loan(money(amount), market.currency(), term, "OTHER"),
                            bureau,
                            new LoanApplication.Device("d-" + i, country),
                            null),
                    enrichment(random)));
        }
        return List.copyOf(cases);
    }

    private static Enrichment enrichment(SplittableRandom random) {
        double draw = random.nextDouble();
        if (draw < 0.03) return new Enrichment(0, 0, List.of(new Enrichment.ListHit("DEVICE", "ring")));
        if (draw < 0.06) return new Enrichment(5, 1, List.of());
        if (draw < 0.09) return new Enrichment(1, 7, List.of());
        return Enrichment.NONE;
    }

    private static int pick(SplittableRandom random, int min, int max) {
        int term = 6 * (1 + random.nextInt(10));
        return random.nextDouble() < 0.05 ? max + 12 : Math.max(min, Math.min(max, term));
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(Math.round(value));
    }
}
