package io.credence.policy;

import static io.credence.policy.VersionStatus.APPROVED;
import static io.credence.policy.VersionStatus.DEPLOYED;
import static io.credence.policy.VersionStatus.DISCARDED;
import static io.credence.policy.VersionStatus.DRAFT;
import static io.credence.policy.VersionStatus.IN_REVIEW;
import static io.credence.policy.VersionStatus.REJECTED;
import static io.credence.policy.VersionStatus.RETIRED;

import io.credence.security.Role;
import io.credence.shared.ForbiddenActionException;
import io.credence.shared.StateConflictException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The version lifecycle's one transition table: for each thing that can happen to a version, the
 * statuses it may start from, the status it ends in, the role it takes and what four-eyes demands of
 * the author. {@link #check} applies a row; every caller (REST, workbench, experiments, start-up) goes
 * through it, so a rule changes here or nowhere.
 */
public enum Transition {

    /** A new draft (over a base version or from scratch). */
    CREATE(Set.of(), DRAFT, Role.ANALYST, Authorship.ANYONE, false, "created"),
    /** The draft's artifacts or note replaced. */
    UPDATE(Set.of(DRAFT), DRAFT, Role.ANALYST, Authorship.AUTHOR, false, "edited"),
    /** Test cases added to or removed from a draft, by any analyst (they are the draft's checks, not its content). */
    CHANGE_TESTS(Set.of(DRAFT), DRAFT, Role.ANALYST, Authorship.ANYONE, false, "given new test cases"),
    SUBMIT(Set.of(DRAFT), IN_REVIEW, Role.ANALYST, Authorship.AUTHOR, false, "submitted"),
    APPROVE(Set.of(IN_REVIEW), APPROVED, Role.REVIEWER, Authorship.NOT_AUTHOR, false, "approved"),
    REJECT(Set.of(IN_REVIEW), REJECTED, Role.REVIEWER, Authorship.NOT_AUTHOR, false, "rejected"),
    DISCARD(Set.of(DRAFT), DISCARDED, Role.ANALYST, Authorship.AUTHOR, false, "discarded"),
    DEPLOY(Set.of(APPROVED), DEPLOYED, Role.ADMIN, Authorship.ANYONE, true, "deployed"),
    /** The champion a deployment, promotion or rollback replaces. */
    RETIRE(Set.of(DEPLOYED), RETIRED, Role.ADMIN, Authorship.ANYONE, true, "retired"),
    /** The previous champion serving again after a rollback. */
    ROLL_BACK(Set.of(RETIRED), DEPLOYED, Role.ADMIN, Authorship.ANYONE, false, "rolled back to"),
    /** A retired version deployed again: rolling forward to a known version takes no fresh copy. */
    REDEPLOY(Set.of(RETIRED), DEPLOYED, Role.ADMIN, Authorship.ANYONE, false, "redeployed"),
    /** An experiment's challenger made champion: a deployment, so an admin's. */
    PROMOTE(Set.of(APPROVED, RETIRED), DEPLOYED, Role.ADMIN, Authorship.ANYONE, false, "promoted"),
    /** A version chosen as an experiment's challenger; its status does not change. */
    CHALLENGE(Set.of(APPROVED, DEPLOYED, RETIRED), null, Role.REVIEWER, Authorship.ANYONE, false, "a challenger"),
    /** A seed policy shipped with Credence, stored approved at start-up: Credence's own, nobody else's. */
    INSTALL_SEED(Set.of(), APPROVED, null, Authorship.ANYONE, true, "installed");

    /** What four-eyes asks of the version's author. */
    enum Authorship {
        ANYONE,
        AUTHOR,
        NOT_AUTHOR
    }

    private final Set<VersionStatus> from;
    private final VersionStatus to;
    private final Role role;
    private final Authorship authorship;
    private final boolean system;
    private final String verb;

    Transition(
            Set<VersionStatus> from, VersionStatus to, Role role, Authorship authorship, boolean system, String verb) {
        this.from = from.isEmpty() ? Set.of() : EnumSet.copyOf(from);
        this.to = to;
        this.role = role;
        this.authorship = authorship;
        this.system = system;
        this.verb = verb;
    }

    /** The statuses a version may have for this transition; empty for the ones that create a version. */
    public Set<VersionStatus> from() {
        return from;
    }

    /** The status the version ends in; null when it keeps its own. */
    public VersionStatus to() {
        return to;
    }

    /** The role it takes; null when only Credence itself may. */
    public Role role() {
        return role;
    }

    /**
     * Checks a transition of a version with {@code author} and {@code status} (both null for a version
     * yet to be created) by {@code actor}: role first (403), then four-eyes (403), then status (409).
     *
     * @return the status the version ends in
     */
    public VersionStatus check(Actor actor, String market, Integer version, String author, VersionStatus status) {
        String subject = version == null ? "a version of " + market : "v" + version;
        boolean allowedRole = actor.credence() ? system : role != null && actor.has(role);
        if (!allowedRole) {
            throw new ForbiddenActionException(
                    role == null
                            ? "Only Credence itself may have " + subject + " " + verb + "."
                            : "Only a user with the " + role + " role may have " + subject + " " + verb + "; "
                                    + actor.name() + " has " + (actor.roles().isEmpty() ? "none" : actor.roles())
                                    + ".");
        }
        if (authorship == Authorship.AUTHOR && !actor.name().equals(author)) {
            throw new ForbiddenActionException(
                    "Only the author (" + author + ") may have " + subject + " " + verb + ".");
        }
        if (authorship == Authorship.NOT_AUTHOR && actor.name().equals(author)) {
            throw new ForbiddenActionException(
                    "Four-eyes: " + actor.name() + " wrote " + subject + " and may not have it " + verb + ".");
        }
        if (from.isEmpty() ? status != null : !from.contains(status)) {
            throw new StateConflictException(
                    subject + " is " + status + "; only " + describe(from) + " can be " + verb + ".");
        }
        return to == null ? status : to;
    }

    /** The same check of a stored version. */
    public VersionStatus check(Actor actor, PolicyVersion v) {
        return check(actor, v.market(), v.version(), v.author(), v.status());
    }

    private static String describe(Set<VersionStatus> statuses) {
        if (statuses.size() == 1) return "a " + statuses.iterator().next() + " version";
        return statuses.stream().sorted().map(Enum::name).toList() + " versions";
    }
}
