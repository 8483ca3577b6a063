package io.credence.security;

import io.credence.audit.AuditTrail;
import io.credence.shared.Hashing;
import io.credence.shared.InvalidRequestException;
import io.credence.shared.NotFoundException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for loan systems. Keys are 256-bit random secrets, so a plain SHA-256 is a safe and fast
 * way to store them (unlike passwords, which need a slow hash). Last use is written at most once a
 * minute per key, to keep the decision path free of extra writes.
 */
@Service
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final ApiKeyRepository repository;
    private final AuditTrail audit;
    private final Map<String, Instant> lastTouched = new ConcurrentHashMap<>();

    ApiKeys(ApiKeyRepository repository, AuditTrail audit) {
        this.repository = repository;
        this.audit = audit;
    }

    @Transactional
    public IssuedApiKey create(String actor, String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidRequestException("name", "is required, at most 100 characters");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "cr_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return register(actor, name, key);
    }

    /** Registers a key chosen by the operator (CREDENCE_API_KEY). */
    @Transactional
    public IssuedApiKey register(String actor, String name, String key) {
        ApiKey apiKey = new ApiKey(UUID.randomUUID().toString(), name, actor, Instant.now(), null, null);
        repository.insert(apiKey, Hashing.sha256Hex(key));
        audit.record(actor, null, "API_KEY_CREATED", apiKey.id(), name);
        return new IssuedApiKey(apiKey, key);
    }

    @Transactional
    public void revoke(String actor, String id) {
        ApiKey key = repository.find(id).orElseThrow(() -> new NotFoundException("No API key " + id + "."));
        repository.revoke(id, Instant.now());
        audit.record(actor, null, "API_KEY_REVOKED", id, key.name());
    }

    @Transactional
    public void revokeAllNamed(String actor, String name) {
        for (ApiKey key : repository.findActiveByName(name)) revoke(actor, key.id());
    }

    @Transactional(readOnly = true)
    public List<ApiKey> list() {
        return repository.findAll();
    }

    @Transactional(readOnly = true)
    public boolean hasActiveKeys() {
        return repository.countActive() > 0;
    }

    @Transactional(readOnly = true)
    public boolean isActive(String key) {
        return repository.findActiveByHash(Hashing.sha256Hex(key)).isPresent();
    }

    /** The key's record if it is valid and not revoked. */
    @Transactional
    public Optional<ApiKey> authenticate(String key) {
        if (key == null || key.isBlank() || key.length() > 200) return Optional.empty();
        Optional<ApiKey> found = repository.findActiveByHash(Hashing.sha256Hex(key));
        found.ifPresent(k -> {
            Instant now = Instant.now();
            Instant previous = lastTouched.get(k.id());
            if (previous == null || previous.plus(TOUCH_INTERVAL).isBefore(now)) {
                lastTouched.put(k.id(), now);
                repository.touch(k.id(), now);
            }
        });
        return found;
    }
}
