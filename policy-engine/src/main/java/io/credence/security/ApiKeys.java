package io.credence.security;

import io.credence.audit.AuditTrail;
import io.credence.cluster.ClusterSignals;
import io.credence.shared.FieldProblem;
import io.credence.shared.Hashing;
import io.credence.shared.InvalidRequestException;
import io.credence.shared.NotFoundException;
import io.credence.shared.StateConflictException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * API keys for loan systems. Keys are 256-bit random secrets, so a plain SHA-256 is a safe and fast
 * way to store them (unlike passwords, which need a slow hash). Last use is written at most once a
 * minute per key, to keep the decision path free of extra writes.
 *
 * <p>A key found valid is remembered by its hash for {@link #RECHECK_AFTER}, so a decision costs no
 * query for its key. Revoking forgets every remembered key once the revocation commits, here and,
 * through {@link ClusterSignals}, on the other instances of a cluster; should a signal be lost, the
 * recheck bounds how long a revoked key still works to those few seconds, as for deployments.
 */
@Service
public class ApiKeys {

    static final Duration RECHECK_AFTER = Duration.ofSeconds(5);
    static final String TOPIC = "api-keys";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final Pattern MARKET = Pattern.compile("[A-Z]{2}");

    private final ApiKeyRepository repository;
    private final AuditTrail audit;
    private final ClusterSignals cluster;
    private final Clock clock;
    private final Map<String, Instant> lastTouched = new ConcurrentHashMap<>();
    private final Map<String, Valid> valid = new ConcurrentHashMap<>();
    /** Moves on at every revocation, so a lookup that raced with one does not remember what it read. */
    private final AtomicLong revocations = new AtomicLong();

    private record Valid(ApiKey key, long checkedAtNanos) {}

    ApiKeys(ApiKeyRepository repository, AuditTrail audit, ClusterSignals cluster, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.cluster = cluster;
        this.clock = clock;
        cluster.subscribe(TOPIC, this::forgetAll);
    }

    @Transactional
    public IssuedApiKey create(String actor, String name) {
        return create(actor, name, List.of(), null);
    }

    /** A new key for the given markets (none: every market) that stops working on {@code expiresOn} (null: never). */
    @Transactional
    public IssuedApiKey create(String actor, String name, List<String> markets, LocalDate expiresOn) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 100) {
            problems.add(new FieldProblem("name", "is required, at most 100 characters"));
        }
        List<String> limitedTo = checkLimits(markets, expiresOn, problems);
        if (!problems.isEmpty()) throw new InvalidRequestException(problems);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "cr_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return register(actor, name, key, limitedTo, expiresOn);
    }

    /** Registers a key chosen by the operator (CREDENCE_API_KEY), for every market and without expiry. */
    @Transactional
    public IssuedApiKey register(String actor, String name, String key) {
        return register(actor, name, key, List.of(), null);
    }

    private IssuedApiKey register(
            String actor, String name, String key, List<String> markets, @Nullable LocalDate expiresOn) {
        ApiKey apiKey =
                new ApiKey(UUID.randomUUID().toString(), name, actor, clock.instant(), null, null, markets, expiresOn);
        repository.insert(apiKey, Hashing.sha256Hex(key));
        audit.record(actor, null, "API_KEY_CREATED", apiKey.id(), name + "; " + limits(apiKey));
        return new IssuedApiKey(apiKey, key);
    }

    /**
     * Changes which markets a key may use and when it expires. Takes effect at once here and, like a
     * revocation, on the other instances of a cluster.
     */
    @Transactional
    public ApiKey limit(String actor, String id, List<String> markets, LocalDate expiresOn) {
        ApiKey key = repository.find(id).orElseThrow(() -> new NotFoundException("No API key " + id + "."));
        if (key.revokedAt() != null)
            throw new StateConflictException("API key " + key.name() + " is revoked; it cannot be changed.");
        List<FieldProblem> problems = new ArrayList<>();
        List<String> limitedTo = checkLimits(markets, expiresOn, problems);
        if (!problems.isEmpty()) throw new InvalidRequestException(problems);
        repository.limit(id, limitedTo, expiresOn);
        ApiKey changed = repository.find(id).orElseThrow();
        audit.record(actor, null, "API_KEY_CHANGED", id, key.name() + ": " + limits(key) + " → " + limits(changed));
        forgetEverywhere();
        return changed;
    }

    private List<String> checkLimits(List<String> markets, @Nullable LocalDate expiresOn, List<FieldProblem> problems) {
        List<String> codes = markets == null ? List.of() : markets;
        List<String> wrong = codes.stream()
                .filter(m -> m == null || !MARKET.matcher(m).matches())
                .map(String::valueOf)
                .toList();
        if (!wrong.isEmpty()) {
            problems.add(new FieldProblem(
                    "markets", "must be two-letter market codes such as MX, not " + String.join(", ", wrong)));
        }
        LocalDate today = today();
        if (expiresOn != null && !expiresOn.isAfter(today)) {
            problems.add(new FieldProblem(
                    "expiresOn",
                    "must be a day after today (" + today + " UTC), or empty for a key that never expires"));
        }
        return codes.stream()
                .filter(m -> m != null && MARKET.matcher(m).matches())
                .distinct()
                .sorted()
                .toList();
    }

    private static String limits(ApiKey key) {
        return (key.markets().isEmpty() ? "every market" : "markets " + String.join(", ", key.markets()))
                + (key.expiresOn() == null ? ", no expiry" : ", expires on " + key.expiresOn());
    }

    @Transactional
    public void revoke(String actor, String id) {
        ApiKey key = repository.find(id).orElseThrow(() -> new NotFoundException("No API key " + id + "."));
        repository.revoke(id, clock.instant());
        audit.record(actor, null, "API_KEY_REVOKED", id, key.name());
        forgetEverywhere();
    }

    private void forgetEverywhere() {
        cluster.announce(TOPIC);
        forgetAll();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                forgetAll();
            }
        });
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

    /**
     * The key's record if it exists and is not revoked; an expired key is returned too (without counting
     * as a use), so that its caller can be told it expired.
     */
    public Optional<ApiKey> authenticate(String key) {
        if (key == null || key.isBlank() || key.length() > 200) return Optional.empty();
        String hash = Hashing.sha256Hex(key);
        long now = System.nanoTime();
        Valid remembered = valid.get(hash);
        if (remembered != null && now - remembered.checkedAtNanos() < RECHECK_AFTER.toNanos()) {
            touchUnlessExpired(remembered.key());
            return Optional.of(remembered.key());
        }
        long revocationsBefore = revocations.get();
        Optional<ApiKey> found = repository.findActiveByHash(hash);
        if (found.isPresent()) {
            valid.put(hash, new Valid(found.get(), now));
            if (revocations.get() != revocationsBefore) valid.remove(hash);
            touchUnlessExpired(found.get());
        } else {
            valid.remove(hash);
        }
        return found;
    }

    /** Forgets every key found valid; the next use of each is checked against the database again. */
    void forgetAll() {
        revocations.incrementAndGet();
        valid.clear();
    }

    /** Today in UTC, the day an expiry date is judged by. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private void touchUnlessExpired(ApiKey key) {
        if (key.expiredOn(today())) return;
        Instant now = clock.instant();
        Instant previous = lastTouched.get(key.id());
        if (previous == null || previous.plus(TOUCH_INTERVAL).isBefore(now)) {
            lastTouched.put(key.id(), now);
            repository.touch(key.id(), now);
        }
    }
}
