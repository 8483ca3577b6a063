package io.credence.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.engine.CompiledPolicy;
import io.credence.engine.PolicyCompiler;
import io.credence.engine.SeedPackagesOnDisk;
import org.junit.jupiter.api.Test;

/** The benchmark's production-sized package is a real policy: it compiles, has its size and decides like the seed. */
class LargePolicyTest {

    @Test
    void theRealisticPackageHasAbout150RulesAndTheDeployPackage200() {
        assertThat(LargePolicy.rules(LargePolicy.india(12))).isEqualTo(164);
        assertThat(LargePolicy.rules(LargePolicy.india(16))).isEqualTo(200);
    }

    @Test
    void theRealisticPackageDecidesMostOfTheMixAsTheSeedDoes() {
        try (CompiledPolicy seed = PolicyCompiler.compile(SeedPackagesOnDisk.load("IN"), 1);
                CompiledPolicy large = PolicyCompiler.compile(LargePolicy.india(12), 2)) {
            var mix = ApplicationMix.of(seed.settings(), 20261121L);
            int same = 0;
            int firedMore = 0;
            for (ApplicationMix.Case c : mix) {
                var a = seed.decide(c.application(), c.enrichment());
                var b = large.decide(c.application(), c.enrichment());
                assertThat(b.fault()).as("no policy fault").isNull();
                if (a.outcome().equals(b.outcome())) same++;
                if (b.rulesFired().size() >= a.rulesFired().size()) firedMore++;
            }
            assertThat(same).as("same outcome as the seed").isGreaterThanOrEqualTo(mix.size() * 3 / 4);
            assertThat(firedMore).isEqualTo(mix.size());
        }
    }
}
