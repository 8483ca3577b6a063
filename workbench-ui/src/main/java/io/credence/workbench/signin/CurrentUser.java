package io.credence.workbench.signin;

import com.vaadin.flow.spring.security.AuthenticationContext;
import io.credence.policy.Actor;
import io.credence.security.Role;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The signed-in person, for views: their name (the actor recorded in the audit trail), their roles
 * and logout. Views pass {@link #name()} to services as the actor; the role checks here only decide
 * what to show, the services and route annotations decide what is allowed.
 */
@Component
public class CurrentUser {

    private final AuthenticationContext authentication;

    CurrentUser(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    public String name() {
        return authentication.getPrincipalName().orElseThrow(() -> new IllegalStateException("nobody is signed in"));
    }

    public boolean isSignedIn() {
        return authentication.isAuthenticated();
    }

    public boolean has(Role role) {
        return authentication.hasRole(role.name());
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** The signed-in person as the version lifecycle checks them: name and roles. */
    public Actor actor() {
        return Actor.of(name(), roles());
    }

    public Set<Role> roles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (has(role)) roles.add(role);
        }
        return roles;
    }

    public void logout() {
        authentication.logout();
    }
}
