package io.credence.workbench.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.experiment.Experiment;
import io.credence.experiment.ExperimentMode;
import io.credence.experiment.ExperimentStatus;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.Words;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ExperimentFormatTest {

    private static final String BREACH = "challenger approval rate 12.5% (40 decisions) against champion 50.0% (1200): "
            + "-37.5 points, beyond the guard rail of 10.0 points";

    private final ExperimentFormat english = format(Locale.forLanguageTag("en-GB"));
    private final ExperimentFormat chinese = format(Locale.forLanguageTag("zh-CN"));
    private final ExperimentFormat german = format(Locale.GERMANY);

    @Test
    void points_are_signed_with_one_decimal_in_the_readers_number_format() {
        assertThat(english.points(0.05)).isEqualTo("+5.0 pts");
        assertThat(english.points(-0.1234)).isEqualTo("-12.3 pts");
        assertThat(chinese.points(0.05)).isEqualTo("+5.0 个百分点");
        assertThat(german.points(0.05)).isEqualTo("+5,0 pts");
    }

    @Test
    void a_split_names_the_challengers_share_as_a_percentage_of_the_locale() {
        assertThat(english.mode(experiment(ExperimentStatus.RUNNING, null, null)))
                .isEqualTo("Split, 50% to the challenger");
        assertThat(chinese.mode(experiment(ExperimentStatus.RUNNING, null, null)))
                .isEqualTo("分流，50% 流量分给挑战者版本");
    }

    @Test
    void a_guard_rail_reads_as_a_rule_with_the_readers_numbers() {
        assertThat(english.guardRail(experiment(ExperimentStatus.RUNNING, null, null)))
                .isEqualTo("stop beyond ±5.0 pts of approval rate, after 1,000 decisions per arm");
        assertThat(chinese.guardRail(experiment(ExperimentStatus.RUNNING, null, null)))
                .isEqualTo("每组达到 1,000 笔决策后，批准率差异超过 ±5.0 个百分点 即停止");
    }

    @Test
    void stopped_and_promoted_experiments_say_who_ended_them_in_the_readers_language() {
        assertThat(english.ending(experiment(ExperimentStatus.STOPPED, "reviewer", "stopped by reviewer")))
                .isEqualTo("stopped by reviewer");
        assertThat(chinese.ending(experiment(ExperimentStatus.STOPPED, "reviewer", "stopped by reviewer")))
                .isEqualTo("由 reviewer 停止");
        assertThat(english.ending(
                        experiment(ExperimentStatus.PROMOTED, "reviewer", "v2 promoted to champion by reviewer")))
                .isEqualTo("v2 promoted to champion by reviewer");
        assertThat(chinese.ending(experiment(
                        ExperimentStatus.PROMOTED, "reviewer", "v2 promoted to champion by reviewer, replacing v1")))
                .isEqualTo("v2 由 reviewer 晋升为冠军版本，替换 v1");
    }

    @Test
    void a_guard_rail_stop_is_retold_from_the_engines_figures() {
        Experiment stopped = experiment(ExperimentStatus.STOPPED_BY_GUARD_RAIL, "system", BREACH);
        assertThat(english.ending(stopped))
                .isEqualTo("challenger approval rate 12.5% (40 decisions) against champion 50.0% "
                        + "(1,200): -37.5 pts, beyond the guard rail of 10.0 pts");
        assertThat(chinese.ending(stopped))
                .isEqualTo("挑战者版本批准率 12.5%（40 笔决策），冠军版本 50.0%（1,200 笔）：" + "差异 -37.5 个百分点，超出护栏 10.0 个百分点");
    }

    @Test
    void an_end_reason_of_an_unknown_shape_is_shown_as_the_engine_wrote_it() {
        assertThat(chinese.ending(experiment(ExperimentStatus.STOPPED_BY_GUARD_RAIL, "system", "something new")))
                .isEqualTo("something new");
    }

    @Test
    void form_problems_from_the_engine_are_told_with_the_forms_words() {
        assertThat(StartExperimentForm.messageKey(new io.credence.shared.FieldProblem(
                        "maxApprovalRateDifference", "is required when minimumSample is given")))
                .isEqualTo("experiment.form.max-difference.required");
        assertThat(StartExperimentForm.messageKey(new io.credence.shared.FieldProblem(
                        "maxApprovalRateDifference", "must be a fraction above 0 and at most 1")))
                .isEqualTo("experiment.form.max-difference.invalid");
        assertThat(StartExperimentForm.messageKey(new io.credence.shared.FieldProblem("trafficPercent", "must be ...")))
                .isEqualTo("experiment.form.traffic.invalid");
        assertThat(StartExperimentForm.messageKey(new io.credence.shared.FieldProblem("minimumSample", "must be ...")))
                .isEqualTo("experiment.form.minimum-sample.invalid");
    }

    static ExperimentFormat format(Locale locale) {
        return new ExperimentFormat(Words.in(locale), new Display(locale, ZoneOffset.UTC));
    }

    private static Experiment experiment(ExperimentStatus status, String endedBy, String reason) {
        return new Experiment(
                "e-1",
                "IN",
                2,
                1,
                ExperimentMode.SPLIT,
                50,
                new BigDecimal("0.05"),
                1000,
                status,
                "reviewer",
                Instant.EPOCH,
                endedBy,
                endedBy == null ? null : Instant.EPOCH,
                reason);
    }
}
