package io.credence.workbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.engine.ArtifactError;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArtifactErrorsTest {

    private final ArtifactErrors errors = ArtifactErrors.of(List.of(
            new ArtifactError("pricing.drl", 4, 1, "unknown fact Pricing"),
            new ArtifactError("approval.drl", 30, 7, "mismatched input"),
            new ArtifactError("approval.drl", 12, null, "unknown field agee"),
            new ArtifactError("scorecard.pmml", null, null, "field x is not in the vocabulary"),
            new ArtifactError("fraud.drl", 2, 5, "missing semicolon")));

    @Test
    void lists_errors_in_tab_order_then_by_line() {
        assertThat(errors.all())
                .extracting(e -> ArtifactErrors.where(e, InLanguage.ENGLISH))
                .containsExactly(
                        "fraud.drl, line 2, column 5",
                        "approval.drl, line 12",
                        "approval.drl, line 30, column 7",
                        "pricing.drl, line 4, column 1",
                        "scorecard.pmml");
    }

    @Test
    void says_where_an_error_is_in_the_readers_language_keeping_the_file_name() {
        assertThat(ArtifactErrors.where(errors.all().get(0), InLanguage.CHINESE))
                .isEqualTo("fraud.drl，第 2 行第 5 列");
        assertThat(errors.label(ArtifactTab.APPROVAL, InLanguage.CHINESE)).isEqualTo("审批（2）");
    }

    @Test
    void gives_each_tab_only_its_own_artifacts_errors() {
        assertThat(errors.in(ArtifactTab.APPROVAL))
                .extracting(ArtifactError::line)
                .containsExactly(12, 30);
        assertThat(errors.in(ArtifactTab.SETTINGS)).isEmpty();
    }

    @Test
    void labels_a_tab_with_its_error_count() {
        assertThat(errors.label(ArtifactTab.APPROVAL, InLanguage.ENGLISH)).isEqualTo("Approval (2)");
        assertThat(errors.label(ArtifactTab.SETTINGS, InLanguage.ENGLISH)).isEqualTo("Settings");
    }

    @Test
    void the_first_tab_to_show_is_the_one_with_the_first_error() {
        assertThat(errors.firstTab()).contains(ArtifactTab.FRAUD);
        assertThat(ArtifactErrors.NONE.firstTab()).isEmpty();
    }

    @Test
    void an_error_naming_no_known_artifact_is_listed_last_and_marked_in_no_tab() {
        ArtifactErrors odd = ArtifactErrors.of(List.of(
                new ArtifactError(null, null, null, "package is empty"),
                new ArtifactError("market.json", 3, 2, "currency must be ISO 4217")));
        assertThat(odd.all())
                .extracting(e -> ArtifactErrors.where(e, InLanguage.ENGLISH))
                .containsExactly("market.json, line 3, column 2", "package");
        for (ArtifactTab tab : ArtifactTab.values()) {
            assertThat(odd.in(tab)).noneMatch(e -> e.artifact() == null);
        }
    }
}
