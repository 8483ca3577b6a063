package io.credence.workbench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.audit.AuditEntry;
import io.credence.workbench.i18n.Language;
import io.credence.workbench.i18n.Words;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AuditTextsTest {

    private final Words chinese = Words.in(Locale.SIMPLIFIED_CHINESE);
    private final Words english = Words.in(Locale.ENGLISH);

    @Test
    void a_deployment_reads_in_chinese_with_the_reviewers_own_reason_left_as_written() {
        AuditEntry deploy = entry("DEPLOY", "v7 replaces v6", "sha256:3f2a1b; reason: quarterly refresh");

        assertThat(AuditTexts.subject(deploy, Language.CHINESE, chinese)).isEqualTo("v7 替换 v6");
        assertThat(AuditTexts.detail(deploy, Language.CHINESE, chinese))
                .isEqualTo("sha256:3f2a1b；原因：quarterly refresh");
    }

    @Test
    void english_readers_see_the_stored_text_itself() {
        AuditEntry deploy = entry("DEPLOY", "v7 replaces v6", "sha256:3f2a1b; reason: quarterly refresh");

        assertThat(AuditTexts.subject(deploy, Language.ENGLISH, english)).isEqualTo("v7 replaces v6");
        assertThat(AuditTexts.detail(deploy, Language.ENGLISH, english))
                .isEqualTo("sha256:3f2a1b; reason: quarterly refresh");
    }

    @Test
    void roles_experiments_lists_and_drift_are_put_in_chinese_words() {
        assertThat(AuditTexts.detail(
                        entry("USER_SAVED", "ana", "demo user, roles [ANALYST, ADMIN]"), Language.CHINESE, chinese))
                .isEqualTo("演示用户，角色：风险分析师、管理员");
        assertThat(AuditTexts.detail(
                        entry(
                                "EXPERIMENT_STARTED",
                                "experiment e1",
                                "v4 against champion v3, SPLIT 20%, guard rail 5.0 points after 500 decisions per arm"),
                        Language.CHINESE,
                        chinese))
                .isEqualTo("v4 对比冠军版本 v3，分流 20%，护栏：每组满 500 条决策后差异不超过 5.0 个百分点");
        assertThat(AuditTexts.subject(entry("EXPERIMENT_STARTED", "experiment e1", null), Language.CHINESE, chinese))
                .isEqualTo("实验 e1");
        assertThat(AuditTexts.subject(
                        entry("FRAUD_LIST_ADDED", "CUSTOMER 12", "chargeback"), Language.CHINESE, chinese))
                .isEqualTo("客户名单条目 12");
        assertThat(AuditTexts.detail(
                        entry(
                                "DRIFT_RESOLVED",
                                "APPROVAL_RATE",
                                "Back within the limit: IN approval rate "
                                        + "61.0% in the last hour against 70.0% over the previous seven days (-9.0 points; limit ±10.0)"),
                        Language.CHINESE,
                        chinese))
                .isEqualTo("已回到限值内：IN 最近一小时批准率 61.0%，前七天为 70.0%（变化 -9.0 个百分点；限值 ±10.0）");
        assertThat(AuditTexts.detail(
                        entry(
                                "OUTCOMES_RECEIVED",
                                "outcomes",
                                "3 outcome record(s) for 2 loan(s), bad at 90 days past due, window 12 months"),
                        Language.CHINESE,
                        chinese))
                .isEqualTo("3 条贷后表现记录，涉及 2 笔贷款；逾期 90 天计为坏账，观察期 12 个月");
    }

    @Test
    void api_key_limits_and_the_gini_alert_read_in_chinese_with_the_keys_name_left_as_typed() {
        assertThat(AuditTexts.detail(
                        entry("API_KEY_CREATED", "k1", "default; every market, no expiry"), Language.CHINESE, chinese))
                .isEqualTo("default；所有市场，永不过期");
        assertThat(AuditTexts.detail(
                        entry(
                                "API_KEY_CHANGED",
                                "k1",
                                "loans: a, b: every market, no expiry → markets IN, MX, expires on 2027-03-01"),
                        Language.CHINESE,
                        chinese))
                .isEqualTo("loans: a, b：所有市场，永不过期 → 市场 IN、MX，2027-03-01 到期");
        assertThat(AuditTexts.subject(entry("DRIFT_ALERT", "GINI", null), Language.CHINESE, chinese))
                .isEqualTo("区分能力（Gini）下降");
        assertThat(AuditTexts.detail(
                        entry(
                                "DRIFT_ALERT",
                                "GINI",
                                "GB champion's Gini 31.0 on loans decided since 2026-09-01 against 52.5 on its first"
                                        + " months' loans (-21.5 points; limit -10.0)"),
                        Language.CHINESE,
                        chinese))
                .isEqualTo("GB 冠军版本自 2026-09-01 起决策的贷款 Gini 为 31.0，其最初几个月的贷款为 52.5（变化 -21.5 个百分点；限值 -10.0）");
    }

    @Test
    void a_shape_it_does_not_know_is_shown_as_stored() {
        AuditEntry approved = entry("VERSION_APPROVED", "v3", "Looks right; ship it");

        assertThat(AuditTexts.detail(approved, Language.CHINESE, chinese)).isEqualTo("Looks right; ship it");
        assertThat(AuditTexts.subject(approved, Language.CHINESE, chinese)).isEqualTo("v3");
    }

    private static AuditEntry entry(String action, String subject, String detail) {
        return new AuditEntry(
                1, Instant.parse("2026-11-21T10:00:00Z"), "admin", "IN", action, subject, detail, null, null);
    }
}
