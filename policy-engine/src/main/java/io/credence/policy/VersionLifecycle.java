package io.credence.policy;

import io.credence.policy.VersionEvent.VersionApproved;
import io.credence.policy.VersionEvent.VersionDeployed;
import io.credence.policy.VersionEvent.VersionDiscarded;
import io.credence.policy.VersionEvent.VersionRejected;
import io.credence.policy.VersionEvent.VersionRetired;
import io.credence.policy.VersionEvent.VersionSubmitted;
import io.credence.shared.InvalidRequestException;
import io.credence.shared.NotFoundException;
import io.credence.shared.StateConflictException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves versions through their lifecycle: each method locks the version, checks its row of the
 * {@link Transition} table (status, role, four-eyes), writes the new status and publishes what happened
 * as a {@link VersionEvent} in the same transaction. The only code that writes a version's status.
 */
@Service
public class VersionLifecycle {

    private final PolicyRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VersionLifecycle(PolicyRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public PolicyVersion submit(Actor actor, String market, int version, String failingTestsReason) {
        PolicyVersion v = lock(market, version);
        Transition.SUBMIT.check(actor, v);
        List<String> failing = v.testResults() == null
                ? List.of()
                : v.testResults().stream()
                        .filter(r -> !r.passed())
                        .map(r -> "\"" + r.name() + "\"")
                        .toList();
        if (!failing.isEmpty()) {
            if (failingTestsReason == null || failingTestsReason.isBlank()) {
                throw new StateConflictException("v" + version + " has " + failing.size() + " failing test case(s): "
                        + String.join(", ", failing) + ". Fix the policy, or submit with failingTestsReason saying why"
                        + " the reviewer should accept it.");
            }
            if (failingTestsReason.length() > 2000) {
                throw new InvalidRequestException("failingTestsReason", "must be at most 2000 characters");
            }
            String note = (v.note() == null || v.note().isBlank() ? "" : v.note() + "\n\n") + "Submitted with "
                    + failing.size() + " failing test case(s) (" + String.join(", ", failing) + "): "
                    + failingTestsReason.strip();
            if (note.length() > 4000) {
                throw new InvalidRequestException(
                        "failingTestsReason",
                        "does not fit in the note with it: shorten the"
                                + " note or the reason (4000 characters together)");
            }
            repository.replaceDraft(market, version, repository.artifacts(market, version), v.digest(), note);
        }
        Instant now = now();
        repository.markSubmitted(market, version, now);
        events.publishEvent(new VersionSubmitted(market, version, actor.name(), v.digest(), now));
        return get(market, version);
    }

    @Transactional
    public PolicyVersion approve(Actor actor, String market, int version, String comment) {
        PolicyVersion v = lock(market, version);
        Transition.APPROVE.check(actor, v);
        checkComment(comment);
        Instant now = now();
        repository.markReviewed(market, version, VersionStatus.APPROVED, actor.name(), comment, now);
        events.publishEvent(new VersionApproved(market, version, actor.name(), v.digest(), now, comment));
        return get(market, version);
    }

    @Transactional
    public PolicyVersion reject(Actor actor, String market, int version, String comment) {
        PolicyVersion v = lock(market, version);
        Transition.REJECT.check(actor, v);
        if (comment == null || comment.isBlank()) {
            throw new InvalidRequestException("comment", "is required when rejecting");
        }
        checkComment(comment);
        Instant now = now();
        repository.markReviewed(market, version, VersionStatus.REJECTED, actor.name(), comment, now);
        events.publishEvent(new VersionRejected(market, version, actor.name(), v.digest(), now, comment));
        return get(market, version);
    }

    /** Its author gives a draft up: it stays, DISCARDED, for the audit trail and leaves every list. */
    @Transactional
    public PolicyVersion discard(Actor actor, String market, int version) {
        PolicyVersion v = lock(market, version);
        Transition.DISCARD.check(actor, v);
        repository.updateStatus(market, version, VersionStatus.DISCARDED);
        events.publishEvent(new VersionDiscarded(market, version, actor.name(), v.digest(), now()));
        return get(market, version);
    }

    /**
     * Which transition deploying {@code version} would be (DEPLOY for an APPROVED version, REDEPLOY for a
     * RETIRED one), checked without changing anything: the deployment feature asks before it compiles.
     */
    @Transactional(readOnly = true)
    public Transition checkDeploy(Actor actor, String market, int version) {
        PolicyVersion v = get(market, version);
        Transition transition = deployTransition(v);
        transition.check(actor, v);
        return transition;
    }

    /** The same for {@code transition} (PROMOTE, CHALLENGE…) of a version. */
    @Transactional(readOnly = true)
    public PolicyVersion check(Actor actor, Transition transition, String market, int version) {
        PolicyVersion v = get(market, version);
        transition.check(actor, v);
        return v;
    }

    /**
     * Makes {@code version} the champion by {@code transition} (DEPLOY, REDEPLOY, PROMOTE or ROLL_BACK)
     * and retires {@code replaced}, in the caller's transaction (the deployment feature's, which records
     * the deployment with it). DEPLOY of a RETIRED version is a REDEPLOY.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PolicyVersion makeChampion(
            Actor actor, Transition transition, String market, int version, Integer replaced, String reason) {
        PolicyVersion v = lock(market, version);
        if (transition == Transition.DEPLOY) transition = deployTransition(v);
        if (transition != Transition.DEPLOY
                && transition != Transition.REDEPLOY
                && transition != Transition.PROMOTE
                && transition != Transition.ROLL_BACK) {
            throw new IllegalArgumentException(transition + " does not make a champion");
        }
        Instant now = now();
        if (replaced != null && replaced != version) {
            PolicyVersion old = lock(market, replaced);
            Transition.RETIRE.check(actor, old);
            repository.updateStatus(market, replaced, VersionStatus.RETIRED);
            events.publishEvent(new VersionRetired(market, replaced, actor.name(), old.digest(), now, version));
        }
        transition.check(actor, v);
        repository.updateStatus(market, version, VersionStatus.DEPLOYED);
        events.publishEvent(
                new VersionDeployed(market, version, actor.name(), v.digest(), now, transition, replaced, reason));
        return get(market, version);
    }

    private static Transition deployTransition(PolicyVersion v) {
        return v.status() == VersionStatus.RETIRED ? Transition.REDEPLOY : Transition.DEPLOY;
    }

    private PolicyVersion lock(String market, int version) {
        return repository
                .findForUpdate(market, version)
                .orElseThrow(() -> new NotFoundException("Market " + market + " has no version " + version + "."));
    }

    private PolicyVersion get(String market, int version) {
        return repository
                .find(market, version)
                .orElseThrow(() -> new NotFoundException("Market " + market + " has no version " + version + "."));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void checkComment(String comment) {
        if (comment != null && comment.length() > 4000) {
            throw new InvalidRequestException("comment", "must be at most 4000 characters");
        }
    }
}
