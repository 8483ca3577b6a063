package io.credence.workbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.policy.PolicyVersion;
import io.credence.policy.VersionStatus;
import io.credence.security.Role;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EditRightsTest {

    @Test
    void the_analyst_who_wrote_a_draft_edits_it() {
        EditRights rights = EditRights.of(
                version(VersionStatus.DRAFT, "analyst"), "analyst", Set.of(Role.ANALYST), InLanguage.ENGLISH);
        assertThat(rights.canEdit()).isTrue();
        assertThat(rights.readOnlyReason()).isNull();
    }

    @Test
    void another_analysts_draft_is_read_only_and_names_its_author() {
        EditRights rights = EditRights.of(
                version(VersionStatus.DRAFT, "analyst2"), "analyst", Set.of(Role.ANALYST), InLanguage.ENGLISH);
        assertThat(rights.canEdit()).isFalse();
        assertThat(rights.canCreateDraft()).isTrue();
        assertThat(rights.readOnlyReason()).contains("belongs to analyst2");
    }

    @Test
    void a_submitted_version_is_read_only_even_for_its_author() {
        EditRights rights = EditRights.of(
                version(VersionStatus.IN_REVIEW, "analyst"), "analyst", Set.of(Role.ANALYST), InLanguage.ENGLISH);
        assertThat(rights.canEdit()).isFalse();
        assertThat(rights.readOnlyReason())
                .isEqualTo("Read-only: v7 is in review. Start a new draft from it to make changes.");
    }

    @Test
    void reviewers_and_admins_read_and_never_start_drafts() {
        EditRights rights = EditRights.of(
                version(VersionStatus.DRAFT, "analyst"), "reviewer", Set.of(Role.REVIEWER), InLanguage.ENGLISH);
        assertThat(rights.canEdit()).isFalse();
        assertThat(rights.canCreateDraft()).isFalse();
        assertThat(rights.readOnlyReason()).isEqualTo("Read-only: only analysts edit policies.");
    }

    @Test
    void the_reason_is_in_the_readers_language() {
        EditRights rights = EditRights.of(
                version(VersionStatus.DEPLOYED, "analyst"), "analyst", Set.of(Role.ANALYST), InLanguage.CHINESE);
        assertThat(rights.readOnlyReason()).isEqualTo("只读：v7 已部署。如需修改，请基于此版本新建草稿。");
    }

    static PolicyVersion version(VersionStatus status, String author) {
        return new PolicyVersion(
                "IN", 7, status, 6, author, null, null, "sha256:abc", "note", Instant.EPOCH, null, null, null, null);
    }
}
