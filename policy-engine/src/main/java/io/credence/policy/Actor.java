package io.credence.policy;

import io.credence.security.Role;
import java.security.Principal;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who asks for a lifecycle transition and in which roles. Every caller (REST, workbench, experiments,
 * start-up) builds one, so the lifecycle checks roles itself instead of trusting the URL rules.
 * {@code credence} is Credence itself installing and deploying the seed policies at start-up.
 */
public record Actor(String name, Set<Role> roles, boolean credence) {

    public static final String SYSTEM_NAME = "system";

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Actor of(String name, Collection<Role> roles) {
        return new Actor(name, roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles), false);
    }

    public static Actor of(String name, Role... roles) {
        return of(name, roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles));
    }

    /** Credence itself, at start-up. */
    public static Actor system() {
        return new Actor(SYSTEM_NAME, Set.of(), true);
    }

    /** The signed-in caller of a request, with the roles Spring Security granted it. */
    public static Actor of(Principal principal) {
        if (!(principal instanceof Authentication authentication)) return of(principal.getName());
        return of(authentication.getName(), roles(authentication.getAuthorities()));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    private static Set<Role> roles(Collection<? extends GrantedAuthority> authorities) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authorities) {
            for (Role role : Role.values()) {
                if (role.authority().equals(authority.getAuthority())) roles.add(role);
            }
        }
        return roles;
    }
}
