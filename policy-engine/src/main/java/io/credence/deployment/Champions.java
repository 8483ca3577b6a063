package io.credence.deployment;

import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * What serves each market, in plain values (version, digest, currency): what screens and reports show,
 * without holding the live compiled policy that {@link ChampionRegistry} hands the decision path.
 */
@Service
public class Champions {

    /** A market's champion as a screen shows it. */
    public record Serving(String market, int version, String digest, String currency) {}

    private final ChampionRegistry registry;

    Champions(ChampionRegistry registry) {
        this.registry = registry;
    }

    public Optional<Serving> of(String market) {
        return registry.champion(market)
                .map(c -> new Serving(
                        c.market(), c.version(), c.digest(), c.settings().currency()));
    }

    /** The champion's version number, or null when nothing serves the market. */
    public Integer version(String market) {
        return of(market).map(Serving::version).orElse(null);
    }

    /** The market's currency as its champion's settings name it, or null when nothing serves it. */
    public String currency(String market) {
        return of(market).map(Serving::currency).orElse(null);
    }

    public Set<String> markets() {
        return registry.markets();
    }
}
