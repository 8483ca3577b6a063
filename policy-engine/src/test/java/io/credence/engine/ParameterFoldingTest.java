package io.credence.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.vocabulary.Decision;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parameters are folded into the rules at compile time (docs/performance.md, round 4): what runs is the
 * literal threshold, the decisions are those of the rules as written, errors point into the analyst's
 * text, and the rewrite can neither be steered into code nor hide code from the sandbox.
 */
class ParameterFoldingTest {

    private static final Map<String, MarketParameter> INDIA = MarketParameters.parse(
                    SeedPackagesOnDisk.load("IN").artifact(PolicyPackage.SETTINGS))
            .byName();

    @Test
    void the_seed_binding_form_becomes_the_literal_threshold_on_the_same_lines() {
        String drl = SeedPackagesOnDisk.load("IN").artifact(PolicyPackage.APPROVAL);

        ParameterFolding.Folded folded = ParameterFolding.fold("approval.drl", drl, INDIA);

        List<String> before = drl.lines().toList();
        List<String> after = folded.text().lines().toList();
        assertThat(after).hasSameSizeAs(before);
        assertThat(folded.text()).doesNotContain("param(");
        int age = before.indexOf("    Applicant( age < $minimumAge )");
        assertThat(after.get(age)).isEqualTo("    Applicant( age < 18.0        )");
        assertThat(after.get(age - 1)).isBlank();
        assertThat(folded.text())
                .contains("Score( value >= 420.0        , value < 500.0        )")
                .as("product limits are not parameters and keep their join")
                .contains("Market( $min : minTermMonths, $max : maxTermMonths )");
        assertThat(folded.edits())
                .as("every literal is shorter than its name: no column moved")
                .isEmpty();
    }

    @Test
    void a_name_is_replaced_only_as_a_whole_word_and_never_inside_text_or_comments() {
        String drl = rule("""
                    Market( $max : param("maxDebtToIncome"), $maxDti : param("maxLoanToAnnualIncome") )
                    Features( debtToIncome > $max, loanToIncome > $maxDti )
                    $d : Decision()
                then
                    // $max is the share of income
                    $d.decline("AP_DEBT_TO_INCOME" + "$max".substring(0, 0));
                """);

        String folded = ParameterFolding.fold("approval.drl", drl, INDIA).text();

        assertThat(folded)
                .contains("Features( debtToIncome > 0.6 , loanToIncome > 2.0     )")
                .contains("// $max is the share of income")
                .contains("\"$max\".substring(0, 0)")
                .doesNotContain("Market(");
    }

    @Test
    void a_consequence_reads_the_value_as_the_double_param_returned() {
        String drl = rule("""
                    Market( $age : param("minimumAge") )
                    $d : Decision()
                then
                    $d.setApr($age / 100);
                """);

        assertThat(ParameterFolding.fold("pricing.drl", drl, INDIA).text()).contains("$d.setApr(18.0 / 100);");
    }

    @Test
    void a_market_pattern_that_also_reads_a_limit_stays_and_only_the_parameter_is_folded() {
        String drl = rule("""
                    Market( $min : minAmount, $most : param("maxLoanToAnnualIncome") )
                    Loan( amount > $min )
                    Features( loanToIncome > $most )
                    $d : Decision()
                then
                    $d.decline("AP_LOAN_TO_INCOME");
                """);

        String folded = ParameterFolding.fold("approval.drl", drl, INDIA).text();

        assertThat(folded)
                .contains("Market( $min : minAmount, $most : param(\"maxLoanToAnnualIncome\") )")
                .contains("Features( loanToIncome > 2.0   )")
                .contains("Loan( amount > $min )");
    }

    @Test
    void where_the_literal_could_decide_differently_the_rule_keeps_its_binding() {
        Map<String, MarketParameter> parameters = new java.util.LinkedHashMap<>(INDIA);
        parameters.put("half", INDIA.get("maxDebtToIncome").withValue(new BigDecimal("17.5")));
        String[] unsafe = {
            // Drools converts a literal compared with a whole-number property to a whole number: 17.5 would be 17.
            "Market( $x : param(\"half\") )\n    Applicant( age < $x )",
            // a constant expression is converted the same way
            "Market( $x : param(\"minimumAge\") )\n    Applicant( age < $x + 1 )",
            // the name bound again elsewhere
            "Market( $x : param(\"minimumAge\") )\n    Applicant( $x : age )",
            // a method called on it
            "Market( $x : param(\"minimumAge\") )\n    Applicant( age < $x.intValue() )",
            // not a binding of a parameter alone
            "Market( $x : param(\"minimumAge\") * 2 )\n    Applicant( age < $x )",
        };
        for (String conditions : unsafe) {
            String drl = rule(conditions + "\n    $d : Decision()\nthen\n    $d.decline(\"AP_UNDERAGE\");\n");

            assertThat(ParameterFolding.fold("approval.drl", drl, parameters).text())
                    .as(conditions)
                    .isEqualTo(drl);
        }
        String assigned = rule("Market( $x : param(\"minimumAge\") )\n    $d : Decision()\nthen\n    $x = 3;\n");
        assertThat(ParameterFolding.fold("approval.drl", assigned, parameters).text())
                .isEqualTo(assigned);
    }

    @Test
    void rules_that_extend_or_are_extended_share_their_bindings_and_are_left_as_written() {
        String drl = rule("""
                    Market( $x : param("minimumAge") )
                    Applicant( age < $x )
                    $d : Decision()
                then
                    $d.decline("AP_UNDERAGE");
                """)
                + "\nrule \"child\" extends \"r\"\nwhen\n    Applicant( age > $x - 10 )\nthen\n    $d.refer(\"AP_THIN_FILE\");\nend\n";

        assertThat(ParameterFolding.fold("approval.drl", drl, INDIA).text()).isEqualTo(drl);
    }

    @Test
    void an_inline_parameter_in_a_consequence_is_an_error_naming_the_binding_form() {
        String drl = rule("$d : Decision()\nthen\n    $d.setApr(param(\"maxDebtToIncome\"));\n");

        ParameterFolding.Folded folded = ParameterFolding.fold("pricing.drl", drl, INDIA);

        assertThat(folded.text()).isEqualTo(drl);
        assertThat(folded.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(9);
            assertThat(e.column()).isEqualTo(15);
            assertThat(e.message()).contains("Market( $maxDebtToIncome : param(\"maxDebtToIncome\") )");
        });
    }

    @Test
    void the_inline_form_is_folded_and_declines_as_the_binding_form_does() {
        Map<String, String> artifacts = indiaWithApproval(
                "Market( $minimumAge : param(\"minimumAge\") )\n" + "    Applicant( age < $minimumAge )",
                "Applicant( age < param(\"minimumAge\") )\n");

        try (CompiledPolicy policy = PolicyCompiler.compile(PolicyPackage.of("IN", artifacts), 1)) {
            Warmup.run(policy, 2);
            EngineResult seventeen = policy.decide(applicant(17), Enrichment.NONE);
            EngineResult eighteen = policy.decide(applicant(18), Enrichment.NONE);

            assertThat(seventeen.outcome()).isEqualTo(Decision.DECLINE);
            assertThat(seventeen.reasons()).extracting(Reason::code).contains("AP_UNDERAGE");
            assertThat(seventeen.rulesFired()).contains("approval: applicant under the minimum age");
            assertThat(eighteen.reasons()).extracting(Reason::code).doesNotContain("AP_UNDERAGE");
        }
    }

    @Test
    void an_inline_parameter_where_it_cannot_be_folded_is_one_clear_error_on_its_line() {
        Map<String, String> artifacts =
                indiaWithApproval("Applicant( age < $minimumAge )", "Applicant( age < param(\"minimumAge\") + 1 )");
        int line = lineOf(artifacts.get(PolicyPackage.APPROVAL), "param(\"minimumAge\") + 1");

        List<ArtifactError> errors = CompileErrors.of(PolicyPackage.of("IN", artifacts));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.artifact()).isEqualTo("approval.drl");
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.column()).isEqualTo(22);
            assertThat(e.message())
                    .contains("param(\"minimumAge\") can be written inline only as one side of a comparison");
        });
    }

    @Test
    void an_undeclared_inline_parameter_is_the_same_single_error_as_before() {
        Map<String, String> artifacts =
                indiaWithApproval("Applicant( age < $minimumAge )", "Applicant( age < param(\"minimumAgee\") )");

        List<ArtifactError> errors = CompileErrors.of(PolicyPackage.of("IN", artifacts));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(lineOf(artifacts.get(PolicyPackage.APPROVAL), "minimumAgee"));
            assertThat(e.column()).isEqualTo(22);
            assertThat(e.message()).startsWith("reads param(\"minimumAgee\"), which market.json does not declare");
        });
    }

    @Test
    void an_error_after_a_literal_longer_than_its_name_points_at_the_analysts_column() {
        String approval = SeedPackagesOnDisk.load("IN")
                .artifact(PolicyPackage.APPROVAL)
                .replace(
                        "Market( $minimumIncome : param(\"minimumMonthlyIncome\") )\n"
                                + "    Applicant( monthlyIncome > 0, monthlyIncome < $minimumIncome )",
                        "Market( $m : param(\"minimumMonthlyIncome\") )\n"
                                + "    Applicant( monthlyIncome < $m, salary > 0 )");
        String line = "    Applicant( monthlyIncome < $m, salary > 0 )";
        assertThat(approval).contains(line);

        List<ArtifactError> errors = CompileErrors.ofIndiaWith(Map.of(PolicyPackage.APPROVAL, approval));

        assertThat(errors).isNotEmpty().allSatisfy(e -> {
            assertThat(e.line()).isEqualTo(lineOf(approval, line));
            assertThat(e.column()).as(e.message()).isEqualTo(line.indexOf("salary") + 1);
        });
    }

    @Test
    void a_parameter_value_that_is_not_a_number_never_reaches_a_rule() {
        String[] crafted = {"\"18 ) System.exit(0); //\"", "\"18\"", "1e400", "[18]"};
        for (String value : crafted) {
            String market = MarketParameters.withValue(
                    SeedPackagesOnDisk.load("IN").artifact(PolicyPackage.SETTINGS),
                    List.of("parameters", "minimumAge", "value"),
                    value);

            List<ArtifactError> errors = CompileErrors.ofIndiaWith(Map.of(PolicyPackage.SETTINGS, market));

            assertThat(errors).as(value).anySatisfy(e -> {
                assertThat(e.artifact()).isEqualTo("market.json");
                assertThat(e.message()).startsWith("parameter minimumAge: value");
            });
        }
        MarketParameter huge = INDIA.get("minimumAge").withValue(new BigDecimal("1e400"));
        assertThat(ParameterFolding.literal(huge))
                .as("no literal for a value a double cannot hold")
                .isNull();
    }

    @Test
    void the_sandbox_checks_the_folded_text_and_a_rule_cannot_smuggle_code_through_the_rewrite() {
        // Names chosen to make the rewrite produce code: a variable named like a call, a call hidden in text.
        String approval = SeedPackagesOnDisk.load("IN")
                .artifact(PolicyPackage.APPROVAL)
                .replace(
                        "    $d.decline(\"AP_UNDERAGE\");",
                        "    $d.decline(\"AP_UNDERAGE\");\n    String s = \"$minimumAge\"; System.exit((int) $minimumAge);");

        List<ArtifactError> errors = CompileErrors.ofIndiaWith(Map.of(PolicyPackage.APPROVAL, approval));

        assertThat(errors)
                .as("refused on the folded text, at the analyst's line")
                .anySatisfy(e -> {
                    assertThat(e.line()).isEqualTo(lineOf(approval, "System.exit"));
                    assertThat(e.message()).contains("System.exit");
                });
    }

    @Test
    void a_whole_number_property_the_rules_also_compare_with_a_fraction_keeps_its_binding() {
        // Drools converts a literal to the property's type and then shares conditions by the converted value:
        // a folded age < 18 beside age < 18.5 would be taken for the same condition, and age 18 would miss both.
        String extra = """

                rule "under 18.5"
                when
                    Applicant( age < 18.5 )
                    $d : Decision()
                then
                    $d.refer("AP_BORDERLINE_SCORE");
                end

                rule "under 19.5"
                when
                    Applicant( age < 19.5 )
                    $d : Decision()
                then
                    $d.refer("AP_BORDERLINE_SCORE");
                end
                """;
        Map<String, String> artifacts =
                new TreeMap<>(SeedPackagesOnDisk.load("IN").artifacts());
        String approval = artifacts.get(PolicyPackage.APPROVAL) + extra;
        artifacts.put(PolicyPackage.APPROVAL, approval);
        PolicyPackage policy = PolicyPackage.of("IN", artifacts);

        assertThat(ParameterFolding.fold("approval.drl", approval, INDIA).text())
                .contains("Applicant( age < $minimumAge )")
                .contains("Market( $minimumAge : param(\"minimumAge\") )")
                .as("other properties are still folded")
                .contains("Score( value < 420.0         )");
        try (CompiledPolicy folded = PolicyCompiler.compile(policy, 1);
                CompiledPolicy written = PolicyCompiler.compileUnfolded(policy, 1)) {
            Warmup.run(folded, 2);
            Warmup.run(written, 2);
            for (int age = 17; age <= 19; age++) {
                EngineResult a = folded.decide(applicant(age), Enrichment.NONE);
                EngineResult b = written.decide(applicant(age), Enrichment.NONE);

                assertThat(a.sameDecisionAs(b)).as(a + " / " + b).isTrue();
            }
            assertThat(folded.decide(applicant(18), Enrichment.NONE).rulesFired())
                    .contains("approval: under 18.5", "approval: under 19.5");
        }
    }

    static List<String> markets() {
        return SeedPackagesCompileTest.markets().toList();
    }

    @ParameterizedTest
    @MethodSource("markets")
    void folded_rules_decide_every_application_exactly_as_the_rules_as_written(String market) {
        PolicyPackage seed = SeedPackagesOnDisk.load(market);
        try (CompiledPolicy folded = PolicyCompiler.compile(seed, 1);
                CompiledPolicy written = PolicyCompiler.compileUnfolded(seed, 1)) {
            Warmup.run(folded, 2);
            Warmup.run(written, 2);
            int differing = 0;
            List<String> examples = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(20261204L);
            // Enough rounds for Drools to compile its constraints to bytecode, where an int against a double differed.
            for (int i = 0; i < 1500; i++) {
                LoanApplication application = near(folded.settings(), folded.parameters(), random, i);
                Enrichment enrichment = new Enrichment(random.nextInt(8), random.nextInt(10), List.of());
                EngineResult a = folded.decide(application, enrichment);
                EngineResult b = written.decide(application, enrichment);
                if (a.fault() != null || b.fault() != null) {
                    // a decision that overran its time budget on a loaded machine is decided again
                    a = folded.decide(application, enrichment);
                    b = written.decide(application, enrichment);
                }
                if (!a.sameDecisionAs(b)) {
                    differing++;
                    if (examples.size() < 3) examples.add(a + " / " + b);
                }
            }
            assertThat(differing).as(String.join("\n", examples)).isZero();
        }
    }

    /** An application with values on and around the market's parameters, where a wrong literal would show. */
    private static LoanApplication near(
            MarketSettings settings, Map<String, MarketParameter> parameters, SplittableRandom random, int i) {
        double income = around(parameters, "minimumMonthlyIncome", settings.minAmount() * 2, random)
                * (random.nextDouble() < 0.5 ? 1 : 1 + 4 * random.nextDouble());
        int age = (int) around(parameters, "minimumAge", 18, random)
                + (random.nextDouble() < 0.5 ? 0 : random.nextInt(40));
        int scoreMin = settings.bureau().scoreMin();
        int scoreMax = settings.bureau().scoreMax();
        int score = (int) Math.max(
                scoreMin,
                Math.min(
                        scoreMax,
                        around(
                                parameters,
                                "minimumBureauScore",
                                scoreMin + random.nextInt(scoreMax - scoreMin),
                                random)));
        int missed = (int) Math.max(0, around(parameters, "missedPaymentsToDecline", 1, random));
        double amount = Math.max(
                settings.minAmount(), Math.min(settings.maxAmount(), income * (0.5 + 30 * random.nextDouble())));
        LoanApplication.Bureau bureau = random.nextDouble() < 0.1
                ? null
                : new LoanApplication.Bureau(
                        random.nextDouble() < 0.3 ? scoreMin + random.nextInt(scoreMax - scoreMin) : score,
                        random.nextInt(120),
                        missed,
                        random.nextInt(5),
                        random.nextInt(5),
                        BigDecimal.valueOf(Math.round(income * 0.6 * random.nextDouble())));
        return new LoanApplication(
                "FOLD-" + i,
                settings.market(),
                "PERSONAL_LOAN",
                "APP",
                new LoanApplication.Applicant(
                        "C-" + i,
                        age,
                        BigDecimal.valueOf(Math.round(income)),
                        random.nextDouble() < 0.85 ? "SALARIED" : "SELF_EMPLOYED",
                        random.nextInt(Math.max(1, (age - 10) * 12)),
                        "RENTER",
                        random.nextInt(4),
                        random.nextDouble() > 0.02),
                new LoanApplication.Loan(
                        BigDecimal.valueOf(Math.round(amount)),
                        settings.currency(),
                        Math.max(
                                settings.minTermMonths(),
                                Math.min(settings.maxTermMonths(), 6 * (1 + random.nextInt(10)))),
                        "OTHER"),
                bureau,
                new LoanApplication.Device("d-" + i, settings.market()),
                null);
    }

    /** The parameter's value, one either side of it, or {@code otherwise}. */
    private static double around(
            Map<String, MarketParameter> parameters, String name, double otherwise, SplittableRandom random) {
        MarketParameter parameter = parameters.get(name);
        if (parameter == null || random.nextDouble() < 0.3) return otherwise;
        return parameter.asDouble() + random.nextInt(3) - 1;
    }

    private static LoanApplication applicant(int age) {
        PolicyPackage seed = SeedPackagesOnDisk.load("IN");
        MarketSettings settings =
                MarketSettingsParser.parse("IN", seed.artifact(PolicyPackage.SETTINGS), new ArrayList<>());
        return new LoanApplication(
                "FOLD-AGE-" + age,
                "IN",
                "PERSONAL_LOAN",
                "APP",
                new LoanApplication.Applicant(
                        "C-" + age, age, new BigDecimal("85000"), "SALARIED", 12, "RENTER", 0, true),
                new LoanApplication.Loan(new BigDecimal("300000"), settings.currency(), 36, "PERSONAL"),
                new LoanApplication.Bureau(790, 48, 0, 1, 1, new BigDecimal("12000")),
                new LoanApplication.Device("d-age", "IN"),
                null);
    }

    private static Map<String, String> indiaWithApproval(String from, String to) {
        Map<String, String> artifacts =
                new TreeMap<>(SeedPackagesOnDisk.load("IN").artifacts());
        String approval = artifacts.get(PolicyPackage.APPROVAL);
        assertThat(approval).contains(from);
        artifacts.put(PolicyPackage.APPROVAL, approval.replace(from, to));
        return artifacts;
    }

    private static int lineOf(String text, String fragment) {
        int at = text.indexOf(fragment);
        assertThat(at).as(fragment).isNotNegative();
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String rule(String body) {
        return "package approval;\n\nimport io.credence.vocabulary.*;\n\nrule \"r\"\nwhen\n    " + body.stripLeading()
                + "end\n";
    }
}
