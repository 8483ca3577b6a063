package io.credence.workbench.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.experiment.ApprovalRateDifference;
import io.credence.experiment.ArmStatistics;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ChartConfigsTest {

    private final ExperimentFormat chinese = ExperimentFormatTest.format(Locale.forLanguageTag("zh-CN"));
    private final ApprovalRateDifference difference =
            new ApprovalRateDifference(0.5, 0.4, -0.1, -0.25, 0.05, 0.95, false);

    @Test
    void the_chart_is_told_the_readers_locale_so_its_numbers_match_the_page() {
        ObjectNode config =
                ChartConfigs.difference(ExperimentFormatTest.format(Locale.forLanguageTag("en-IN")), difference);
        assertThat(config.at("/options/locale").asString()).isEqualTo("en-IN");
        assertThat(config.at("/options/valueSuffix").asString()).isEqualTo(" pts");
        assertThat(config.at("/options/floatingLabel").asString()).isEqualTo("{from} to {to}");
    }

    @Test
    void every_word_of_the_difference_chart_comes_from_the_readers_bundle() {
        ObjectNode config = ChartConfigs.difference(chinese, difference);
        assertThat(config.at("/data/labels/0").asString()).isEqualTo("挑战者版本 − 冠军版本");
        assertThat(config.at("/data/datasets/0/label").asString()).isEqualTo("95% 置信区间");
        assertThat(config.at("/data/datasets/1/label").asString()).isEqualTo("差异");
        assertThat(config.at("/options/scales/x/title/text").asString()).isEqualTo("批准率差异（百分点）");
        assertThat(config.at("/options/floatingLabel").asString()).isEqualTo("{from} 至 {to}");
        assertThat(config.at("/options/locale").asString()).isEqualTo("zh-CN");
    }

    @Test
    void the_outcome_chart_names_outcomes_and_its_title_in_the_readers_language() {
        ArmStatistics arm =
                new ArmStatistics("champion", List.of(1), 10, 5, 3, 2, 0.5, 0.3, 0.2, null, null, null, List.of());
        ObjectNode config = ChartConfigs.outcomeRates(chinese, arm, "冠军版本 v1", arm, "挑战者版本 v2");
        assertThat(config.at("/data/labels")
                        .valueStream()
                        .map(n -> n.asString())
                        .toList())
                .containsExactly("批准", "拒绝", "转人工");
        assertThat(config.at("/options/plugins/title/text").asString()).isEqualTo("各组决策结果占比");
        assertThat(config.at("/data/datasets/0/data/0").asDouble()).isEqualTo(50.0);
    }
}
