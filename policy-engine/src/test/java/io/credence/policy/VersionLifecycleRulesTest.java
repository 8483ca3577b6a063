package io.credence.policy;

import static io.credence.policy.VersionStatus.APPROVED;
import static io.credence.policy.VersionStatus.DEPLOYED;
import static io.credence.policy.VersionStatus.DISCARDED;
import static io.credence.policy.VersionStatus.DRAFT;
import static io.credence.policy.VersionStatus.IN_REVIEW;
import static io.credence.policy.VersionStatus.REJECTED;
import static io.credence.policy.VersionStatus.RETIRED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.security.Role;
import io.credence.shared.ForbiddenActionException;
import io.credence.shared.StateConflictException;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every rule of the version lifecycle's transition table, checked on the table alone: no Spring, no HTTP. */
class VersionLifecycleRulesTest {

    private static final Actor ANALYST = Actor.of("analyst", Role.ANALYST);
    private static final Actor ANALYST2 = Actor.of("analyst2", Role.ANALYST);
    private static final Actor REVIEWER = Actor.of("reviewer", Role.REVIEWER);
    private static final Actor ADMIN = Actor.of("admin", Role.ADMIN);
    /** Holds every role and wrote the version: four-eyes still stops them reviewing it. */
    private static final Actor EVERYTHING = Actor.of("analyst", Role.ANALYST, Role.REVIEWER, Role.ADMIN);

    private static VersionStatus by(Transition transition, Actor actor, VersionStatus status) {
        return transition.check(actor, "IN", 7, "analyst", status);
    }

    @Test
    void an_analyst_creates_a_draft_and_nobody_else_does() {
        assertThat(Transition.CREATE.check(ANALYST, "IN", null, null, null)).isEqualTo(DRAFT);
        assertThatThrownBy(() -> Transition.CREATE.check(REVIEWER, "IN", null, null, null))
                .isInstanceOf(ForbiddenActionException.class)
                .hasMessageContaining("ANALYST role");
        assertThatThrownBy(() -> Transition.CREATE.check(ADMIN, "IN", null, null, null))
                .isInstanceOf(ForbiddenActionException.class);
    }

    @Test
    void only_the_author_edits_submits_or_discards_a_draft() {
        assertThat(by(Transition.UPDATE, ANALYST, DRAFT)).isEqualTo(DRAFT);
        assertThat(by(Transition.SUBMIT, ANALYST, DRAFT)).isEqualTo(IN_REVIEW);
        assertThat(by(Transition.DISCARD, ANALYST, DRAFT)).isEqualTo(DISCARDED);
        for (Transition t : Set.of(Transition.UPDATE, Transition.SUBMIT, Transition.DISCARD)) {
            assertThatThrownBy(() -> by(t, ANALYST2, DRAFT))
                    .as("%s by another analyst", t)
                    .isInstanceOf(ForbiddenActionException.class)
                    .hasMessageContaining("Only the author (analyst)");
        }
    }

    @Test
    void any_analyst_may_change_a_drafts_test_cases_but_only_while_it_is_a_draft() {
        assertThat(by(Transition.CHANGE_TESTS, ANALYST2, DRAFT)).isEqualTo(DRAFT);
        assertThatThrownBy(() -> by(Transition.CHANGE_TESTS, ANALYST2, IN_REVIEW))
                .isInstanceOf(StateConflictException.class);
    }

    @ParameterizedTest(name = "a {0} version can be neither edited, submitted nor discarded")
    @EnumSource(value = VersionStatus.class, names = "DRAFT", mode = EnumSource.Mode.EXCLUDE)
    void only_a_draft_is_edited_submitted_or_discarded(VersionStatus status) {
        for (Transition t : Set.of(Transition.UPDATE, Transition.SUBMIT, Transition.DISCARD)) {
            assertThatThrownBy(() -> by(t, ANALYST, status))
                    .as("%s of %s", t, status)
                    .isInstanceOf(StateConflictException.class)
                    .hasMessageContaining("only a DRAFT version");
        }
    }

    @Test
    void a_reviewer_who_did_not_write_it_approves_or_rejects_a_version_in_review() {
        assertThat(by(Transition.APPROVE, REVIEWER, IN_REVIEW)).isEqualTo(APPROVED);
        assertThat(by(Transition.REJECT, REVIEWER, IN_REVIEW)).isEqualTo(REJECTED);
    }

    @Test
    void four_eyes_the_author_never_reviews_their_own_version_whatever_roles_they_hold() {
        assertThatThrownBy(() -> by(Transition.APPROVE, EVERYTHING, IN_REVIEW))
                .isInstanceOf(ForbiddenActionException.class)
                .hasMessageContaining("Four-eyes");
        assertThatThrownBy(() -> by(Transition.REJECT, EVERYTHING, IN_REVIEW))
                .isInstanceOf(ForbiddenActionException.class)
                .hasMessageContaining("Four-eyes");
    }

    @Test
    void approving_takes_the_reviewer_role_not_just_someone_else() {
        assertThatThrownBy(() -> by(Transition.APPROVE, ANALYST2, IN_REVIEW))
                .isInstanceOf(ForbiddenActionException.class);
        assertThatThrownBy(() -> by(Transition.APPROVE, ADMIN, IN_REVIEW)).isInstanceOf(ForbiddenActionException.class);
    }

    @ParameterizedTest(name = "a {0} version cannot be reviewed")
    @EnumSource(value = VersionStatus.class, names = "IN_REVIEW", mode = EnumSource.Mode.EXCLUDE)
    void only_a_version_in_review_is_reviewed(VersionStatus status) {
        assertThatThrownBy(() -> by(Transition.APPROVE, REVIEWER, status)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> by(Transition.REJECT, REVIEWER, status)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void an_admin_deploys_an_approved_version_and_redeploys_a_retired_one() {
        assertThat(by(Transition.DEPLOY, ADMIN, APPROVED)).isEqualTo(DEPLOYED);
        assertThat(by(Transition.REDEPLOY, ADMIN, RETIRED)).isEqualTo(DEPLOYED);
        assertThat(by(Transition.ROLL_BACK, ADMIN, RETIRED)).isEqualTo(DEPLOYED);
        assertThat(by(Transition.RETIRE, ADMIN, DEPLOYED)).isEqualTo(RETIRED);
    }

    @Test
    void deployments_are_an_admins_a_reviewer_neither_deploys_nor_promotes() {
        for (Transition t : Set.of(Transition.DEPLOY, Transition.PROMOTE)) {
            assertThatThrownBy(() -> by(t, REVIEWER, APPROVED))
                    .as("%s", t)
                    .isInstanceOf(ForbiddenActionException.class);
            assertThatThrownBy(() -> by(t, ANALYST, APPROVED)).as("%s", t).isInstanceOf(ForbiddenActionException.class);
        }
        for (Transition t : Set.of(Transition.REDEPLOY, Transition.ROLL_BACK)) {
            assertThatThrownBy(() -> by(t, REVIEWER, RETIRED)).as("%s", t).isInstanceOf(ForbiddenActionException.class);
        }
    }

    @Test
    void an_admin_promotes_an_approved_or_a_retired_challenger() {
        assertThat(by(Transition.PROMOTE, ADMIN, APPROVED)).isEqualTo(DEPLOYED);
        assertThat(by(Transition.PROMOTE, ADMIN, RETIRED)).isEqualTo(DEPLOYED);
        for (VersionStatus s : EnumSet.complementOf(EnumSet.of(APPROVED, RETIRED))) {
            assertThatThrownBy(() -> by(Transition.PROMOTE, ADMIN, s))
                    .as("%s", s)
                    .isInstanceOf(StateConflictException.class);
        }
    }

    @ParameterizedTest(name = "a {0} version cannot be deployed")
    @EnumSource(value = VersionStatus.class, names = "APPROVED", mode = EnumSource.Mode.EXCLUDE)
    void only_an_approved_version_is_deployed_for_the_first_time(VersionStatus status) {
        assertThatThrownBy(() -> by(Transition.DEPLOY, ADMIN, status)).isInstanceOf(StateConflictException.class);
    }

    @ParameterizedTest(name = "a {0} version cannot be redeployed")
    @EnumSource(value = VersionStatus.class, names = "RETIRED", mode = EnumSource.Mode.EXCLUDE)
    void only_a_retired_version_is_redeployed_or_rolled_back_to(VersionStatus status) {
        assertThatThrownBy(() -> by(Transition.REDEPLOY, ADMIN, status)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> by(Transition.ROLL_BACK, ADMIN, status)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void only_the_serving_version_is_retired() {
        for (VersionStatus s : EnumSet.complementOf(EnumSet.of(DEPLOYED))) {
            assertThatThrownBy(() -> by(Transition.RETIRE, ADMIN, s))
                    .as("%s", s)
                    .isInstanceOf(StateConflictException.class);
        }
    }

    @Test
    void a_reviewer_chooses_an_approved_deployed_or_retired_version_as_challenger_without_changing_it() {
        for (VersionStatus s : EnumSet.of(APPROVED, DEPLOYED, RETIRED)) {
            assertThat(by(Transition.CHALLENGE, REVIEWER, s)).isEqualTo(s);
        }
        for (VersionStatus s : EnumSet.of(DRAFT, IN_REVIEW, REJECTED, DISCARDED)) {
            assertThatThrownBy(() -> by(Transition.CHALLENGE, REVIEWER, s))
                    .as("%s", s)
                    .isInstanceOf(StateConflictException.class);
        }
        assertThatThrownBy(() -> by(Transition.CHALLENGE, ANALYST2, APPROVED))
                .isInstanceOf(ForbiddenActionException.class);
    }

    @Test
    void credence_itself_installs_and_deploys_seeds_at_start_up_and_does_nothing_a_person_decides() {
        Actor system = Actor.system();
        assertThat(Transition.INSTALL_SEED.check(system, "IN", null, null, null))
                .isEqualTo(APPROVED);
        assertThat(Transition.DEPLOY.check(system, "IN", 1, "system", APPROVED)).isEqualTo(DEPLOYED);
        assertThat(Transition.RETIRE.check(system, "IN", 1, "system", DEPLOYED)).isEqualTo(RETIRED);
        assertThatThrownBy(() -> Transition.APPROVE.check(system, "IN", 1, "analyst", IN_REVIEW))
                .isInstanceOf(ForbiddenActionException.class);
        assertThatThrownBy(() -> Transition.REDEPLOY.check(system, "IN", 1, "analyst", RETIRED))
                .isInstanceOf(ForbiddenActionException.class);
        assertThatThrownBy(() -> Transition.INSTALL_SEED.check(EVERYTHING, "IN", null, null, null))
                .isInstanceOf(ForbiddenActionException.class);
    }

    @Test
    void a_refused_role_is_a_403_before_the_status_is_looked_at() {
        assertThatThrownBy(() -> by(Transition.DEPLOY, REVIEWER, DRAFT)).isInstanceOf(ForbiddenActionException.class);
    }

    @Test
    void a_discarded_draft_goes_nowhere_any_more() {
        for (Transition t : Transition.values()) {
            if (t.from().isEmpty()) continue;
            assertThat(t.from()).as("%s", t).doesNotContain(DISCARDED);
        }
    }
}
