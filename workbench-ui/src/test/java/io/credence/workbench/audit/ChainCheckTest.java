package io.credence.workbench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.audit.ChainVerification;
import io.credence.workbench.i18n.Words;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ChainCheckTest {

    private static final Words ENGLISH = Words.in(Locale.ENGLISH);
    private static final Words CHINESE = Words.in(Locale.SIMPLIFIED_CHINESE);

    @Test
    void an_intact_chain_says_how_many_entries_were_checked() {
        assertThat(ChainCheck.describe(new ChainVerification(true, 42, null, null), ENGLISH))
                .isEqualTo("Intact: all 42 entries check out");
        assertThat(ChainCheck.describe(new ChainVerification(true, 1234, null, null), CHINESE))
                .isEqualTo("完整：全部 1,234 条记录校验通过");
    }

    @Test
    void a_broken_chain_names_the_first_broken_entry_and_why() {
        var broken = new ChainVerification(false, 1716, 1716L, "entry 1716 was altered after it was written");

        assertThat(ChainCheck.describe(broken, ENGLISH))
                .isEqualTo("Broken at entry 1716: entry 1716 was altered after it was written");
        assertThat(ChainCheck.describe(broken, CHINESE))
                .isEqualTo("哈希链在第 1716 条记录处断裂：entry 1716 was altered after it was written");
    }

    @Test
    void audited_events_are_named_in_chinese_and_keep_their_codes_in_english() {
        assertThat(AuditView.actionName("ROLLBACK", CHINESE)).isEqualTo("回滚");
        assertThat(AuditView.actionName("ROLLBACK", ENGLISH)).isEqualTo("ROLLBACK");
        assertThat(AuditView.actionName("SOMETHING_NEW", CHINESE)).isEqualTo("SOMETHING_NEW");
        assertThat(AuditFilters.KNOWN_ACTIONS)
                .allSatisfy(code -> assertThat(AuditView.actionName(code, CHINESE))
                        .doesNotContain("!")
                        .isNotEqualTo(code));
    }

    @Test
    void blank_filters_mean_any() {
        AuditQuery query = new AuditQuery(" ", "", null, null, null);

        assertThat(query.market()).isNull();
        assertThat(query.actor()).isNull();
        assertThat(query.action()).isNull();
    }
}
