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

    UserRoles(UserRepository repository, AuditTrail audit) {
        this.repository = repository;
        this.audit = audit;
    }

    @Transactional
    public UserAccount change(String actor, String username, Set<Role> roles) {
        if (roles == null || roles.isEmpty() || roles.contains(Role.LOAN_SYSTEM)) {
            throw new InvalidRequestException("roles", "must name at least one of ANALYST, REVIEWER, ADMIN");
        }
        UserRepository.Row row = repository.find(username)
                .orElseThrow(() -> new NotFoundException("No user " + username + "."));
        repository.upsert(username, row.passwordHash(), EnumSet.copyOf(roles), row.account().enabled());
        audit.record(actor, null, "USER_ROLES_CHANGED", username, "roles " + roles);
        return repository.find(username).orElseThrow().account();
    }
}
