package io.credence.security;

import java.security.Principal;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * The loan system behind a request authenticated by its {@code X-Api-Key}: the key's id (what a
 * decision records as its owner) and its name (what logs and the audit trail show).
 */
public record ApiKeyPrincipal(String keyId, String keyName) implements Principal {

    @Override
    public String getName() {
        return "api-key:" + keyName;
    }

    /** The API key that authenticated {@code caller}; empty for people (HTTP Basic or workbench session). */
    public static Optional<ApiKeyPrincipal> of(Authentication caller) {
        return caller != null && caller.getPrincipal() instanceof ApiKeyPrincipal key ? Optional.of(key) : Optional.empty();
    }
}
