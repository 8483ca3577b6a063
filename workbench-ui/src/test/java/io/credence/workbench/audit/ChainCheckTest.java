package io.credence.workbench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.audit.ChainVerification;
import org.junit.jupiter.api.Test;

class ChainCheckTest {

    @Test
    void an_intact_chain_says_how_many_entries_were_checked() {
        assertThat(ChainCheck.describe(new ChainVerification(true, 42, null, null)))
                .isEqualTo("Intact: all 42 entries check out");
    }

    @Test
    void a_broken_chain_names_the_first_broken_entry_and_why() {
        assertThat(ChainCheck.describe(new ChainVerification(false, 17, 17L, "entry 17 was altered after it was written")))
                .isEqualTo("Broken at entry 17: entry 17 was altered after it was written");
    }

    @Test
    void blank_filters_mean_any() {
        AuditQuery query = new AuditQuery(" ", "", null, null, null);

        assertThat(query.market()).isNull();
        assertThat(query.actor()).isNull();
        assertThat(query.action()).isNull();
    }
}
