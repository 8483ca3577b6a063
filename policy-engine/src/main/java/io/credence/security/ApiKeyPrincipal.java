package io.credence.security;

import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * The loan system behind a request authenticated by its {@code X-Api-Key}: the key's id (what a
 * decision records as its owner), its name (what logs and the audit trail show) and the markets it may
 * use (none listed: every market).
 */
public record ApiKeyPrincipal(String keyId, String keyName, List<String> markets) implements Principal {

    public ApiKeyPrincipal {
        markets = markets == null ? List.of() : List.copyOf(markets);
    }

    @Override
    public String getName() {
        return "api-key:" + keyName;
    }

    public boolean mayUse(String market) {
        return markets.isEmpty() || markets.contains(market);
    }

    /** Refuses, with a 403 naming the key's markets, anything done for a market the key is not limited to. */
    public void requireMarket(String market) {
        if (!mayUse(market)) throw new MarketNotAllowedException(keyName, market, markets);
    }

    /** The API key that authenticated {@code caller}; empty for people (HTTP Basic or workbench session). */
    public static Optional<ApiKeyPrincipal> of(Authentication caller) {
        return caller != null && caller.getPrincipal() instanceof ApiKeyPrincipal key
                ? Optional.of(key)
                : Optional.empty();
    }
}
