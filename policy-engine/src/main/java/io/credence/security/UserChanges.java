package io.credence.security;

import io.credence.audit.AuditTrail;
import io.credence.shared.ForbiddenActionException;
import io.credence.shared.NotFoundException;
import io.credence.shared.StateConflictException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Four-eyes for accounts: granting a role (a new account included) or resetting another user's password
 * takes two admins, one who proposes and another who approves, so no admin alone can make themselves a
 * reviewer by proxy and then author, approve and deploy a policy. The one exception is the bootstrap
 * admin (credence.admin.username) while it is the only enabled admin: someone has to add the second
 * admin, and each such change says so in the log and the audit trail.
 */
@Service
public class UserChanges {

    private static final Logger log = LoggerFactory.getLogger(UserChanges.class);

    private final UserRepository users;
    private final UserChangeRepository changes;
    private final AuditTrail audit;
    private final Clock clock;
    private final String bootstrapAdmin;

    UserChanges(
            UserRepository users,
            UserChangeRepository changes,
            AuditTrail audit,
            Clock clock,
            @Value("${credence.admin.username:admin}") String bootstrapAdmin) {
        this.users = users;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
        this.bootstrapAdmin = bootstrapAdmin;
    }

    /** Whether setting {@code roles} (and a password, when {@code resetsPassword}) needs a second admin. */
    boolean needsSecondAdmin(String actor, String username, Set<Role> roles, boolean resetsPassword) {
        var existing = users.find(username);
        boolean grants = existing.isEmpty() || !existing.get().account().roles().containsAll(roles);
        boolean resetsAnother = resetsPassword && existing.isPresent() && !username.equals(actor);
        return grants || resetsAnother;
    }

    /** Whether {@code actor} may apply such a change alone: the bootstrap admin while it is the only admin. */
    boolean appliesAlone(String actor) {
        if (!actor.equals(bootstrapAdmin)) return false;
        return users.findAll().stream()
                .noneMatch(u -> u.enabled()
                        && u.roles().contains(Role.ADMIN)
                        && !u.username().equals(actor));
    }

    /** Records the proposal; the user is not changed until another admin approves. */
    UserChange propose(String actor, String username, Set<Role> roles, String passwordHash) {
        UserChange change = new UserChange(
                UUID.randomUUID().toString(),
                username,
                EnumSet.copyOf(roles),
                passwordHash != null,
                actor,
                now(),
                UserChange.Status.PENDING,
                null,
                null);
        changes.insert(change, passwordHash);
        audit.record(actor, null, "USER_CHANGE_PROPOSED", username, describe(change));
        return change;
    }

    /** Noted when the bootstrap admin, as the only admin, changes an account alone. */
    void appliedAlone(String actor, String username, Set<Role> roles) {
        log.warn(
                "{} is the only admin: the change to {} (roles {}) applies without a second admin. Add a second "
                        + "admin so that role grants and password resets take two.",
                actor,
                username,
                roles);
        audit.record(actor, null, "USER_CHANGE_SINGLE_ADMIN", username, "roles " + roles + ", no second admin yet");
    }

    @Transactional(readOnly = true)
    public List<UserChange> pending() {
        return changes.pending();
    }

    /** A second admin approves: the change applies now. The proposer can never approve their own. */
    @Transactional
    public UserAccount approve(String actor, String id) {
        UserChangeRepository.Row row = pendingRow(id);
        UserChange change = row.change();
        if (change.proposedBy().equals(actor)) {
            throw new ForbiddenActionException(
                    "Two admins: " + actor + " proposed this change and may not approve it.");
        }
        requireAdmin(actor);
        var existing = users.find(change.username());
        String hash = row.passwordHash() != null
                ? row.passwordHash()
                : existing.map(UserRepository.Row::passwordHash)
                        .orElseThrow(() -> new StateConflictException(
                                "User " + change.username() + " no longer exists and the change sets no password."));
        users.upsert(
                change.username(),
                hash,
                change.roles(),
                existing.map(r -> r.account().enabled()).orElse(true));
        changes.decide(id, UserChange.Status.APPROVED, actor, now());
        audit.record(
                actor,
                null,
                "USER_CHANGE_APPROVED",
                change.username(),
                describe(change) + ", proposed by " + change.proposedBy());
        return users.find(change.username()).orElseThrow().account();
    }

    @Transactional
    public UserChange reject(String actor, String id) {
        UserChange change = pendingRow(id).change();
        requireAdmin(actor);
        changes.decide(id, UserChange.Status.REJECTED, actor, now());
        audit.record(
                actor,
                null,
                "USER_CHANGE_REJECTED",
                change.username(),
                describe(change) + ", proposed by " + change.proposedBy());
        return changes.findForUpdate(id).orElseThrow().change();
    }

    private UserChangeRepository.Row pendingRow(String id) {
        if (id == null || id.length() > 36) throw new NotFoundException("No such user change.");
        UserChangeRepository.Row row =
                changes.findForUpdate(id).orElseThrow(() -> new NotFoundException("No user change " + id + "."));
        if (row.change().status() != UserChange.Status.PENDING) {
            throw new StateConflictException(
                    "User change " + id + " was already " + row.change().status() + ".");
        }
        return row;
    }

    private void requireAdmin(String actor) {
        boolean admin = users.find(actor)
                .map(r -> r.account().enabled() && r.account().roles().contains(Role.ADMIN))
                .orElse(false);
        if (!admin) throw new ForbiddenActionException("Only an admin may decide on a user change.");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String describe(UserChange change) {
        return "roles " + change.roles() + (change.resetsPassword() ? ", new password" : "");
    }
}
