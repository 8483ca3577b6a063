package io.credence.fraud;

import io.credence.audit.AuditTrail;
import io.credence.cluster.ClusterSignals;
import io.credence.engine.Enrichment;
import io.credence.shared.FieldProblem;
import io.credence.shared.InvalidRequestException;
import io.credence.shared.NotFoundException;
import io.credence.vocabulary.ListMatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Fraud lists, held in memory for the decision path (a hash lookup, no query) and reloaded after
 * every change and every few seconds, so a change made through another instance arrives too.
 */
@Service
public class FraudLists {

    private static final Set<String> LISTS = Set.of(ListMatch.CUSTOMER, ListMatch.DEVICE);

    private final FraudListRepository repository;
    private static final String TOPIC = "fraud-lists";

    private final AuditTrail audit;
    private final ClusterSignals cluster;
    private volatile Map<String, List<FraudListEntry>> index = Map.of();

    FraudLists(FraudListRepository repository, AuditTrail audit, ClusterSignals cluster) {
        this.repository = repository;
        this.audit = audit;
        this.cluster = cluster;
        cluster.subscribe(TOPIC, this::reload);
    }

    /** The unexpired entries matching this customer or device in this market. */
    public List<Enrichment.ListHit> matches(String market, String customerId, String deviceFingerprint) {
        Map<String, List<FraudListEntry>> current = index;
        if (current.isEmpty()) return List.of();
        List<Enrichment.ListHit> hits = new ArrayList<>(0);
        Instant now = Instant.now();
        collect(current.get(key(market, ListMatch.CUSTOMER, customerId)), now, hits);
        collect(current.get(key(market, ListMatch.DEVICE, deviceFingerprint)), now, hits);
        return hits;
    }

    private static void collect(List<FraudListEntry> entries, Instant now, List<Enrichment.ListHit> hits) {
        if (entries == null) return;
        for (FraudListEntry e : entries) {
            if (e.activeAt(now)) hits.add(new Enrichment.ListHit(e.list(), e.reason()));
        }
    }

    @Transactional(readOnly = true)
    public List<FraudListEntry> list(String market) {
        return repository.active(market);
    }

    @Transactional
    public FraudListEntry add(String actor, String market, NewFraudListEntry request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (market == null || !market.matches("[A-Z]{2}")) problems.add(new FieldProblem("market", "must be a two-letter market code"));
        if (request.list() == null || !LISTS.contains(request.list())) problems.add(new FieldProblem("list", "must be CUSTOMER or DEVICE"));
        if (request.entry() == null || request.entry().isBlank() || request.entry().length() > 256) {
            problems.add(new FieldProblem("entry", "is required, at most 256 characters"));
        }
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 500) {
            problems.add(new FieldProblem("reason", "is required, at most 500 characters"));
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(Instant.now())) {
            problems.add(new FieldProblem("expiresAt", "must be in the future"));
        }
        if (!problems.isEmpty()) throw new InvalidRequestException(problems);
        FraudListEntry entry = new FraudListEntry(UUID.randomUUID().toString(), market, request.list(), request.entry(),
                request.reason(), request.expiresAt(), actor, Instant.now());
        repository.insert(entry);
        audit.record(actor, market, "FRAUD_LIST_ADDED", request.list() + " " + entry.id(), request.reason());
        cluster.announce(TOPIC);
        reloadAfterCommit();
        return entry;
    }

    @Transactional
    public void remove(String actor, String market, String id) {
        FraudListEntry entry = repository.find(id).filter(e -> e.market().equals(market))
                .orElseThrow(() -> new NotFoundException("No fraud-list entry " + id + " in " + market + "."));
        repository.remove(id, actor, Instant.now());
        audit.record(actor, market, "FRAUD_LIST_REMOVED", entry.list() + " " + id, entry.reason());
        cluster.announce(TOPIC);
        reloadAfterCommit();
    }

    @Scheduled(fixedDelayString = "${credence.cluster.poll-ms:2000}", initialDelay = 0)
    @Transactional(readOnly = true)
    public void reload() {
        Map<String, List<FraudListEntry>> fresh = new HashMap<>();
        for (FraudListEntry e : repository.allActive()) {
            fresh.computeIfAbsent(key(e.market(), e.list(), e.entry()), k -> new ArrayList<>()).add(e);
        }
        index = fresh;
    }

    private void reloadAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                reload();
            }
        });
    }

    private static String key(String market, String list, String value) {
        return market + '\u0000' + list + '\u0000' + value;
    }
}
