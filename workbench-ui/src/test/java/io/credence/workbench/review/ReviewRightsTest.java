package io.credence.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.policy.PolicyVersion;
import io.credence.policy.VersionStatus;
import io.credence.security.Role;
import io.credence.workbench.policy.InLanguage;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReviewRightsTest {

    @Test
    void a_reviewer_decides_a_version_someone_else_wrote() {
        ReviewRights rights = ReviewRights.of(
                version(VersionStatus.IN_REVIEW, "analyst"), "reviewer", Set.of(Role.REVIEWER), InLanguage.ENGLISH);
        assertThat(rights.canDecide()).isTrue();
        assertThat(rights.reason()).isNull();
    }

    @Test
    void the_author_is_told_four_eyes_forbids_reviewing_their_own_version() {
        ReviewRights rights = ReviewRights.of(
                version(VersionStatus.IN_REVIEW, "analyst"), "analyst", Set.of(Role.ANALYST), InLanguage.ENGLISH);
        assertThat(rights.canDecide()).isFalse();
        assertThat(rights.reason()).startsWith("Four-eyes: you wrote this version");
    }

    @Test
    void four_eyes_holds_for_an_author_who_is_also_a_reviewer() {
        ReviewRights rights = ReviewRights.of(
                version(VersionStatus.IN_REVIEW, "lead"),
                "lead",
                Set.of(Role.ANALYST, Role.REVIEWER),
                InLanguage.ENGLISH);
        assertThat(rights.canDecide()).isFalse();
        assertThat(rights.reason()).startsWith("Four-eyes");
    }

    @Test
    void someone_without_the_reviewer_role_may_only_read() {
        ReviewRights rights = ReviewRights.of(
                version(VersionStatus.IN_REVIEW, "analyst"), "admin", Set.of(Role.ADMIN), InLanguage.ENGLISH);
        assertThat(rights.reason()).isEqualTo("Only reviewers approve or reject versions.");
    }

    @Test
    void a_version_no_longer_in_review_cannot_be_decided_again() {
        ReviewRights rights = ReviewRights.of(
                version(VersionStatus.APPROVED, "analyst"), "reviewer", Set.of(Role.REVIEWER), InLanguage.ENGLISH);
        assertThat(rights.canDecide()).isFalse();
        assertThat(rights.reason()).isEqualTo("v4 is approved; only a version in review can be approved or rejected.");
    }

    @Test
    void a_chinese_reader_is_told_in_chinese() {
        ReviewRights rights = ReviewRights.of(
                version(VersionStatus.IN_REVIEW, "analyst"), "analyst", Set.of(Role.ANALYST), InLanguage.CHINESE);
        assertThat(rights.reason()).isEqualTo("四眼原则：此版本由您编写，须由他人审核。");
    }

    private static PolicyVersion version(VersionStatus status, String author) {
        return new PolicyVersion(
                "IN",
                4,
                status,
                3,
                author,
                null,
                null,
                "sha256:abc",
                "note",
                Instant.EPOCH,
                Instant.EPOCH,
                null,
                null,
                null);
    }
}
