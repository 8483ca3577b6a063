package io.credence.security;

import io.credence.audit.AuditTrail;
import io.credence.shared.InvalidRequestException;
import io.credence.shared.NotFoundException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Workbench users: the store Spring Security authenticates against, and what admins manage. */
@Service
public class UserAccounts implements UserDetailsService {

    private final UserRepository repository;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final UserChanges changes;

    UserAccounts(UserRepository repository, PasswordEncoder passwords, AuditTrail audit, UserChanges changes) {
        this.repository = repository;
        this.passwords = passwords;
        this.audit = audit;
        this.changes = changes;
    }

    /**
     * What saving an account did: applied it ({@code account}), or, for a role grant or another user's
     * password reset, proposed it for a second admin to approve ({@code pending}).
     */
    public record Saved(UserAccount account, UserChange pending) {}

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserRepository.Row row =
                repository.find(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(row.account().username())
                .password(row.passwordHash())
                .disabled(!row.account().enabled())
                .authorities(row.account().roles().stream()
                        .map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList())
                .build();
    }

    @Transactional(readOnly = true)
    public List<UserAccount> list() {
        return repository.findAll();
    }

    @Transactional(readOnly = true)
    public long count() {
        return repository.count();
    }

    /**
     * Creates the user or replaces its password and roles. Granting a role (creating an account included)
     * or resetting another user's password is only proposed: a second admin approves it ({@link UserChanges}).
     */
    @Transactional
    public Saved save(String actor, String username, String password, Set<Role> roles) {
        if (username == null || !username.matches("[a-z][a-z0-9._-]{1,63}")) {
            throw new InvalidRequestException("username", "must be 2-64 lower-case letters, digits, '.', '_' or '-'");
        }
        if (password == null || password.length() < 12) {
            throw new InvalidRequestException("password", "must be at least 12 characters");
        }
        if (roles == null || roles.isEmpty() || roles.contains(Role.LOAN_SYSTEM)) {
            throw new InvalidRequestException("roles", "must name at least one of ANALYST, REVIEWER, ADMIN");
        }
        if (changes.needsSecondAdmin(actor, username, roles, true)) {
            if (!changes.appliesAlone(actor)) {
                return new Saved(null, changes.propose(actor, username, roles, passwords.encode(password)));
            }
            changes.appliedAlone(actor, username, roles);
        }
        return new Saved(apply(actor, username, passwords.encode(password), roles), null);
    }

    private UserAccount apply(String actor, String username, String passwordHash, Set<Role> roles) {
        repository.upsert(username, passwordHash, roles, true);
        audit.record(actor, null, "USER_SAVED", username, "roles " + roles);
        return repository.find(username).orElseThrow().account();
    }

    /** Demo accounts: no password policy, and audited only when something actually changes. */
    @Transactional
    void saveDemoUser(String username, String password, Set<Role> roles) {
        var existing = repository.find(username);
        boolean unchanged = existing.isPresent()
                && existing.get().account().roles().equals(roles)
                && existing.get().account().enabled()
                && passwords.matches(password, existing.get().passwordHash());
        if (unchanged) return;
        repository.upsert(username, passwords.encode(password), roles, true);
        audit.record("system", null, "USER_SAVED", username, "demo user, roles " + roles);
    }

    /**
     * The operator's admin account (CREDENCE_ADMIN_PASSWORD): created at start-up, or given back its
     * password, its ADMIN role and its access if someone changed them; audited only when it changes.
     */
    @Transactional
    void saveConfiguredAdmin(String username, String password) {
        var existing = repository.find(username);
        Set<Role> roles = EnumSet.of(Role.ADMIN);
        existing.ifPresent(row -> roles.addAll(row.account().roles()));
        boolean unchanged = existing.isPresent()
                && existing.get().account().roles().equals(roles)
                && existing.get().account().enabled()
                && passwords.matches(password, existing.get().passwordHash());
        if (unchanged) return;
        apply("system", username, passwords.encode(password), roles);
    }

    /** The workbench language the user chose, or empty to follow their browser. */
    @Transactional(readOnly = true)
    public Optional<Locale> preferredLanguage(String username) {
        return repository.language(username).map(Locale::forLanguageTag);
    }

    /**
     * Remembers the workbench language a user chose; null goes back to following the browser. A
     * personal display setting, so it is not audited.
     */
    @Transactional
    public void setPreferredLanguage(String username, Locale language) {
        int updated = repository.setLanguage(username, language == null ? null : language.toLanguageTag());
        if (updated == 0) throw new NotFoundException("No user " + username + ".");
    }

    @Transactional
    public void setEnabled(String actor, String username, boolean enabled) {
        repository.find(username).orElseThrow(() -> new NotFoundException("No user " + username + "."));
        repository.setEnabled(username, enabled);
        audit.record(actor, null, enabled ? "USER_ENABLED" : "USER_DISABLED", username, null);
    }
}
