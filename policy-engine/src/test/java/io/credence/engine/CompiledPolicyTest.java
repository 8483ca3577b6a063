package io.credence.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.EqualityBehaviorOption;
import org.kie.api.runtime.KieContainer;

/**
 * A policy fault never becomes an error for the loan system: a rule that throws, or rules that loop
 * until the time budget runs out, give a REFER with a reason of source engine, and the fault is
 * kept with the result so it can be logged with the decision.
 */
class CompiledPolicyTest {

    private static final LoanApplication PRIME = application("prime-IN.json");
    private static final LoanApplication WITHOUT_COUNTRY = application("prime-IN-device-without-country.json");
    private static final AtomicInteger BUILDS = new AtomicInteger();

    @Test
    void the_unchanged_seed_approves_the_applicants_these_tests_use() {
        try (CompiledPolicy policy = warm(PolicyCompiler.compile(SeedPackagesOnDisk.load("IN"), 1))) {
            assertThat(policy.decide(PRIME, Enrichment.NONE).outcome()).isEqualTo("APPROVE");
            assertThat(policy.decide(WITHOUT_COUNTRY, Enrichment.NONE).outcome())
                    .isEqualTo("APPROVE");
        }
    }

    @ParameterizedTest(name = "{0} replaced by {1} refers with an engine reason")
    @CsvSource({"approval.drl, throwing-approval.drl", "fraud.drl,    throwing-fraud.drl"})
    void refers_with_an_engine_reason_when_a_rule_throws(String artifact, String replacement) {
        try (CompiledPolicy policy = warm(PolicyCompiler.compile(seedWith(artifact, replacement), 2))) {
            EngineResult result = policy.decide(WITHOUT_COUNTRY, Enrichment.NONE);

            assertReferredByTheEngine(policy, result, EngineReasons.POLICY_FAULT);
        }
    }

    @Test
    void records_what_a_throwing_rule_threw() {
        try (CompiledPolicy policy =
                warm(PolicyCompiler.compile(seedWith("approval.drl", "throwing-approval.drl"), 2))) {
            EngineResult result = policy.decide(PRIME, Enrichment.NONE);

            assertThat(result.fault()).contains("NumberFormatException").contains("PRIM");
        }
    }

    @Test
    void keeps_deciding_after_a_fault() {
        try (CompiledPolicy policy = warm(PolicyCompiler.compile(seedWith("fraud.drl", "throwing-fraud.drl"), 2))) {
            assertThat(policy.decide(WITHOUT_COUNTRY, Enrichment.NONE).outcome())
                    .isEqualTo("REFER");

            EngineResult healthy = policy.decide(PRIME, Enrichment.NONE);

            assertThat(healthy.outcome())
                    .as("an applicant the faulty rule does not trip")
                    .isEqualTo("APPROVE");
            assertThat(healthy.fault()).isNull();
        }
    }

    /*
     * The sandbox refuses modify, update and loops, so no policy compiled by PolicyCompiler can loop.
     * The engine's own guard (a firing limit and the time budget per stage) is the second line; these
     * tests build the rules without the sandbox to show it holds on its own.
     */

    @ParameterizedTest(name = "{0} replaced by {1} refers with a time-budget reason")
    @CsvSource({"approval.drl, looping-approval.drl", "pricing.drl,  update-looping-pricing.drl"})
    void refers_with_an_engine_reason_when_rules_loop(String artifact, String replacement) {
        try (CompiledPolicy policy = compiledPastTheSandbox(seedWith(artifact, replacement))) {
            EngineResult result = policy.decide(PRIME, Enrichment.NONE);

            assertReferredByTheEngine(policy, result, EngineReasons.TIME_BUDGET);
            assertThat(result.fault()).containsAnyOf("looping", "time budget");
        }
    }

    @Test
    void stops_looping_rules_within_a_bounded_time() {
        try (CompiledPolicy policy = compiledPastTheSandbox(seedWith("approval.drl", "looping-approval.drl"))) {
            policy.decide(PRIME, Enrichment.NONE);

            EngineResult result = policy.decide(PRIME, Enrichment.NONE);

            assertThat(result.rulesFired()).as("rules fired before the stop").isNotEmpty();
            // Generous for a loaded 2-core CI machine; an unguarded loop would never return at all.
            assertThat(result.durationMicros()).isLessThan(5_000_000);
        }
    }

    @Test
    void reports_an_overrun_in_the_last_firing_of_the_decision() {
        try (CompiledPolicy policy = warm(compiledPastTheSandbox(seedWith("pricing.drl", "slow-last-pricing.drl")))) {
            EngineResult result = policy.decide(PRIME, Enrichment.NONE);

            assertReferredByTheEngine(policy, result, EngineReasons.TIME_BUDGET);
            assertThat(result.fault()).contains("pricing rules overran the 250 ms time budget");
        }
    }

    @Test
    void refers_with_an_engine_reason_when_policy_code_throws_an_error_rather_than_an_exception() {
        try (CompiledPolicy policy =
                warm(compiledPastTheSandbox(seedWith("approval.drl", "linkage-error-approval.drl")))) {
            EngineResult result = policy.decide(PRIME, Enrichment.NONE);

            assertReferredByTheEngine(policy, result, EngineReasons.POLICY_FAULT);
            assertThat(result.fault()).contains("NoSuchMethodError");
        }
    }

    private static void assertReferredByTheEngine(CompiledPolicy policy, EngineResult result, String code) {
        assertThat(result.outcome()).isEqualTo("REFER");
        assertThat(result.reasons())
                .as("reasons, the fault being: %s", result.fault())
                .containsExactly(new Reason(code, policy.settings().message(code, null), "engine"));
        assertThat(result.approvedAmount()).isNull();
        assertThat(result.apr()).isNull();
        assertThat(result.fault()).isNotBlank();
    }

    private static PolicyPackage seedWith(String artifact, String replacement) {
        Map<String, String> artifacts =
                new TreeMap<>(SeedPackagesOnDisk.load("IN").artifacts());
        artifacts.put(artifact, Fixtures.text(CompiledPolicyTest.class, replacement));
        return PolicyPackage.of("IN", TestCatalogs.coverEveryCode(artifacts));
    }

    /**
     * As CompiledPolicies does before a version takes traffic: the very first decisions run cold and,
     * on a busy machine, can overrun the time budget, which would turn any fault into EN_TIME_BUDGET.
     */
    private static CompiledPolicy warm(CompiledPolicy policy) {
        Warmup.run(policy, 2);
        return policy;
    }

    /** The rules built the way PolicyCompiler builds them, minus the sandbox's source and bytecode checks. */
    private static CompiledPolicy compiledPastTheSandbox(PolicyPackage policy) {
        KieServices kie = KieServices.Factory.get();
        KieModuleModel module = kie.newKieModuleModel();
        for (String stage : PolicyCompiler.STAGES) {
            module.newKieBaseModel(stage).addPackage(stage).setEqualsBehavior(EqualityBehaviorOption.IDENTITY);
        }
        ReleaseId release = kie.newReleaseId("io.credence.test", "past-the-sandbox", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(release);
        files.writeKModuleXML(module.toXML());
        for (String stage : PolicyCompiler.STAGES) {
            files.write("src/main/resources/" + stage + "/" + stage + ".drl", policy.artifact(stage + ".drl"));
        }
        // Past the bytecode check too: Drools' own class loading, restored once the rules are built.
        org.drools.wiring.api.ComponentsFactory.setComponentsSupplier(
                new org.drools.wiring.dynamic.DynamicComponentsSupplier());
        KieContainer container;
        try {
            KieBuilder builder = kie.newKieBuilder(files).buildAll();
            assertThat(builder.getResults().getMessages(Message.Level.ERROR))
                    .as("Drools errors")
                    .isEmpty();
            container = kie.newKieContainer(release);
            PolicyCompiler.STAGES.forEach(container::getKieBase);
        } finally {
            VerifiedClassLoading.install();
        }
        kie.getRepository().removeKieModule(release);
        List<ArtifactError> errors = new ArrayList<>();
        MarketSettings settings =
                MarketSettingsParser.parse(policy.market(), policy.artifact(PolicyPackage.SETTINGS), errors);
        Map<String, Map<String, String>> messages = new java.util.LinkedHashMap<>();
        ReasonCatalogs.parse(policy.artifact(PolicyPackage.REASONS), errors)
                .forEach((locale, catalog) -> messages.put(locale, catalog.messages()));
        settings = settings.withReasonMessages(messages);
        assertThat(errors).isEmpty();
        // The seed's rules read market.json's parameters, so they are bound as PolicyCompiler binds them.
        MarketParameters.Parsed parameters = MarketParameters.parse(policy.artifact(PolicyPackage.SETTINGS));
        assertThat(parameters.errors()).isEmpty();
        return new CompiledPolicy(
                policy.market(),
                2,
                policy.digest(),
                settings,
                parameters.byName(),
                RiskModel.bind(Scorecard.load(policy.artifact(PolicyPackage.SCORECARD)), settings.model(), errors),
                container,
                container.getKieBase("fraud"),
                container.getKieBase("approval"),
                container.getKieBase("pricing"));
    }

    private static LoanApplication application(String fixture) {
        return LoanApplicationParser.parse(Fixtures.text(CompiledPolicyTest.class, fixture));
    }
}
