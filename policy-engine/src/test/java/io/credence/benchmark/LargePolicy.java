package io.credence.benchmark;

import io.credence.engine.PolicyPackage;
import io.credence.engine.SeedPackagesOnDisk;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The IN seed grown to the size of a lender's production package: a pricing grid by score band,
 * term and amount instead of three score bands, affordability limits by income band and term, and
 * more application-consistency checks. Every added rule uses codes the seed already translates, so
 * the package passes the same validation as the seed. Rule counts: {@code rules(12)} is 164 (the
 * "about 150 rules" of a realistic market), {@code rules(16)} is 200 (the hot-deploy benchmark).
 */
final class LargePolicy {

    private static final double[] TERM_LIMITS = {12, 36, 1_000};
    private static final double[] AMOUNT_LIMITS = {50_000, 250_000, 1e12};

    private LargePolicy() {}

    static PolicyPackage india(int scoreBands) {
        PolicyPackage seed = SeedPackagesOnDisk.load("IN");
        Map<String, String> artifacts = new TreeMap<>(seed.artifacts());
        artifacts.put(PolicyPackage.FRAUD, seed.artifact(PolicyPackage.FRAUD) + consistencyChecks());
        artifacts.put(PolicyPackage.APPROVAL, seed.artifact(PolicyPackage.APPROVAL) + affordabilityBands());
        artifacts.put(PolicyPackage.PRICING, pricingGrid(seed.artifact(PolicyPackage.PRICING), scoreBands));
        return PolicyPackage.of("IN", artifacts);
    }

    /** How many rules a package holds: one per {@code rule "} at the start of a line. */
    static int rules(PolicyPackage policy) {
        int count = 0;
        for (String name : new String[] {PolicyPackage.FRAUD, PolicyPackage.APPROVAL, PolicyPackage.PRICING}) {
            for (String line : policy.artifact(name).split("\n")) if (line.startsWith("rule \"")) count++;
        }
        return count;
    }

    private static String consistencyChecks() {
        StringBuilder drl =
                new StringBuilder("\n// Generated for the benchmark: employment longer than working age allows.\n");
        for (int age = 18; age < 68; age += 5) {
            drl.append(String.format(Locale.ROOT, """

                    rule "employment too long for age %d to %d"
                    when
                        Applicant( age >= %d, age < %d, employmentMonths != null, employmentMonths > %d )
                        $d : Decision()
                    then
                        $d.decline("FR_INCONSISTENT_APPLICATION");
                    end
                    """, age, age + 4, age, age + 5, (age + 5 - 15) * 12));
        }
        return drl.toString();
    }

    private static String affordabilityBands() {
        StringBuilder drl =
                new StringBuilder("\n// Generated for the benchmark: loan-to-income limits by income band and term.\n");
        double[] incomes = {15_000, 25_000, 35_000, 50_000, 75_000, 100_000, 150_000, 250_000, 500_000, 1_000_000, 1e12
        };
        for (int band = 0; band + 1 < incomes.length; band++) {
            for (int longTerm = 0; longTerm < 2; longTerm++) {
                double limit = (longTerm == 1 ? 14 : 8) + band;
                drl.append(String.format(
                        Locale.ROOT,
                        """

                        rule "loan to income above %.0f for income band %d, %s term"
                        when
                            Applicant( monthlyIncome >= %.0f, monthlyIncome < %.0f )
                            Loan( termMonths %s 24 )
                            Features( loanToIncome > %.1f )
                            $d : Decision()
                        then
                            $d.decline("AP_LOAN_TO_INCOME");
                        end
                        """,
                        limit,
                        band,
                        longTerm == 1 ? "long" : "short",
                        incomes[band],
                        incomes[band + 1],
                        longTerm == 1 ? ">" : "<=",
                        limit));
            }
        }
        for (int dependents = 3; dependents <= 5; dependents++) {
            drl.append(String.format(Locale.ROOT, """

                    rule "instalment too high with %d or more dependents"
                    when
                        Applicant( dependents != null, dependents >= %d )
                        Features( instalmentToIncome > %.2f )
                        $d : Decision()
                    then
                        $d.decline("AP_DEBT_TO_INCOME");
                    end
                    """, dependents, dependents, 0.5 - dependents * 0.05));
        }
        drl.append("""

                rule "thin file above four times income"
                when
                    Bureau( thinFile == true )
                    Features( loanToIncome > 4 )
                    $d : Decision()
                then
                    $d.refer("AP_THIN_FILE");
                end
                """);
        return drl.toString();
    }

    /** Replaces the seed's three score bands with a grid; keeps its affordability rule. */
    private static String pricingGrid(String seedPricing, int scoreBands) {
        int affordability = seedPricing.indexOf("// Affordability");
        String header = seedPricing.substring(0, seedPricing.indexOf("rule \""));
        StringBuilder drl = new StringBuilder(header);
        double lowest = 500;
        double width = 400.0 / scoreBands;
        for (int band = 0; band < scoreBands; band++) {
            double from = lowest + band * width;
            for (int term = 0; term < TERM_LIMITS.length; term++) {
                for (int amount = 0; amount < AMOUNT_LIMITS.length; amount++) {
                    double apr = 0.26 - band * (0.15 / scoreBands) + term * 0.01 - amount * 0.005;
                    String lowerScore = band == 0 ? "" : String.format(Locale.ROOT, "value >= %.1f", from);
                    String upperScore =
                            band == scoreBands - 1 ? "" : String.format(Locale.ROOT, "value < %.1f", from + width);
                    String scoreTest = String.join(
                            ", ",
                            java.util.stream.Stream.of(lowerScore, upperScore)
                                    .filter(s -> !s.isEmpty())
                                    .toList());
                    drl.append(String.format(
                            Locale.ROOT,
                            """

                            rule "price band %d, term band %d, amount band %d"
                            when
                                Score( %s )
                                Loan( termMonths %s, amount >= %.0f, amount < %.0f )
                                $d : Decision()
                            then
                                $d.setApr(%.4f);
                            end
                            """,
                            band,
                            term,
                            amount,
                            scoreTest,
                            term == 0 ? "<= 12" : term == 1 ? "> 12, termMonths <= 36" : "> 36",
                            amount == 0 ? 0 : AMOUNT_LIMITS[amount - 1],
                            AMOUNT_LIMITS[amount],
                            apr));
                }
            }
        }
        drl.append('\n').append(seedPricing.substring(affordability));
        return drl.toString();
    }
}
