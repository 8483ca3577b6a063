package io.credence.audit;

import io.credence.shared.Hashing;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);

    private final AuditRepository repository;
    private final Clock clock;

    AuditTrail(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Appends an entry inside the caller's transaction, so it commits or rolls back with the change. */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry record(String actor, String market, String action, String subject, String detail) {
        AuditRepository.Head head = repository.lockHead();
        long seq = head.seq() + 1;
        String prev = head.hash();
        // Microsecond precision: what both H2 and PostgreSQL store, so the hash re-computes exactly.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = hash(seq, at, actor, market, action, subject, detail, prev);
        AuditEntry entry = new AuditEntry(seq, at, actor, market, action, subject, detail, prev, hash);
        repository.insert(entry);
        repository.moveHead(seq, hash);
        return entry;
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> find(String market, String actor, String action, Instant from, Instant to, int limit) {
        return repository.find(market, actor, action, from, to, Math.max(1, Math.min(limit, 5000)));
    }

    /** Re-computes every hash in order; any edited, inserted or deleted row breaks the chain. */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        AtomicReference<String> prev = new AtomicReference<>(GENESIS);
        long[] expectedSeq = {1};
        long[] checked = {0};
        AtomicReference<ChainVerification> broken = new AtomicReference<>();
        repository.forEachInOrder(e -> {
            if (broken.get() != null) return;
            checked[0]++;
            String problem = null;
            if (e.seq() != expectedSeq[0]) {
                problem = "entry " + expectedSeq[0] + " is missing";
            } else if (!e.prevHash().equals(prev.get())) {
                problem = "entry " + e.seq() + " does not follow the entry before it";
            } else if (!e.hash()
                    .equals(hash(
                            e.seq(),
                            e.at(),
                            e.actor(),
                            e.market(),
                            e.action(),
                            e.subject(),
                            e.detail(),
                            e.prevHash()))) {
                problem = "entry " + e.seq() + " was altered after it was written";
            }
            if (problem != null) {
                broken.set(new ChainVerification(false, checked[0], e.seq(), problem));
            }
            prev.set(e.hash());
            expectedSeq[0] = e.seq() + 1;
        });
        if (broken.get() != null) return broken.get();
        AuditRepository.Head head = repository.head();
        if (head.seq() != expectedSeq[0] - 1 || !head.hash().equals(prev.get())) {
            return new ChainVerification(
                    false,
                    checked[0],
                    expectedSeq[0],
                    "the chain ends at entry " + (expectedSeq[0] - 1) + " but " + head.seq() + " entries were written");
        }
        return new ChainVerification(true, checked[0], null, null);
    }

    private static String hash(
            long seq,
            Instant at,
            String actor,
            String market,
            String action,
            String subject,
            String detail,
            String prev) {
        String canonical = String.join(
                "\u001f", Long.toString(seq), at.toString(), actor, nz(market), action, nz(subject), nz(detail), prev);
        return Hashing.sha256Hex(canonical);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
