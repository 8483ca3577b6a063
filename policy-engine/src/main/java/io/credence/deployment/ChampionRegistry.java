package io.credence.deployment;

import io.credence.engine.CompiledPolicy;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The champion serving each market. Reads are a single map lookup; a swap replaces the reference, so
 * a decision in flight finishes on the version it started with.
 */
@Component
public class ChampionRegistry {

    private final Map<String, CompiledPolicy> champions = new ConcurrentHashMap<>();

    public Optional<CompiledPolicy> champion(String market) {
        return market == null ? Optional.empty() : Optional.ofNullable(champions.get(market));
    }

    public Set<String> markets() {
        return new TreeSet<>(champions.keySet());
    }

    /** Makes {@code policy} the market's champion and returns the one it replaced, if any. */
    CompiledPolicy swap(CompiledPolicy policy) {
        return champions.put(policy.market(), policy);
    }
}
