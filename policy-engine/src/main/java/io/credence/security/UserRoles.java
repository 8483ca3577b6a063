package io.credence.security;

import io.credence.audit.AuditTrail;
import io.credence.shared.InvalidRequestException;
import io.credence.shared.NotFoundException;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes what an existing user may do without touching their password: what an admin does when
 * someone moves from analysis to review. {@link UserAccounts#save} sets roles and a new password.
 */
@Service
public class UserRoles {

    private final UserRepository repository;
    private final AuditTrail audit;
    private final UserChanges changes;

    UserRoles(UserRepository repository, AuditTrail audit, UserChanges changes) {
        this.repository = repository;
        this.audit = audit;
        this.changes = changes;
    }

    /** Sets the roles; a grant of a role the user did not hold is only proposed, for a second admin to approve. */
    @Transactional
    public UserAccounts.Saved change(String actor, String username, Set<Role> roles) {
        if (roles == null || roles.isEmpty() || roles.contains(Role.LOAN_SYSTEM)) {
            throw new InvalidRequestException("roles", "must name at least one of ANALYST, REVIEWER, ADMIN");
        }
        UserRepository.Row row =
                repository.find(username).orElseThrow(() -> new NotFoundException("No user " + username + "."));
        if (changes.needsSecondAdmin(actor, username, roles, false)) {
            if (!changes.appliesAlone(actor))
                return new UserAccounts.Saved(null, changes.propose(actor, username, roles, null));
            changes.appliedAlone(actor, username, roles);
        }
        repository.upsert(
                username,
                row.passwordHash(),
                EnumSet.copyOf(roles),
                row.account().enabled());
        audit.record(actor, null, "USER_ROLES_CHANGED", username, "roles " + roles);
        return new UserAccounts.Saved(repository.find(username).orElseThrow().account(), null);
    }
}
