package io.credence.decision;

import io.credence.audit.AuditTrail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgets the personal data of old decisions. After {@code credence.retention.request-days} (365 by
 * default, 0 keeps requests forever) a decision's request is purged; its result, reasons, context and
 * customer and device hashes stay, so it can still be read and audited, but no longer replayed. The job
 * runs daily on one instance of a cluster (a ShedLock row in the shared database), in batches, and each
 * batch is recorded in the audit trail in the transaction that purges it: no purge goes unrecorded.
 */
@Service
public class RequestRetention {

    static final String AUDIT_ACTION = "DECISION_REQUESTS_PURGED";
    private static final Logger log = LoggerFactory.getLogger(RequestRetention.class);
    private static final int BATCH = 10_000;

    private final DecisionRepository repository;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final int requestDays;
    private final Clock clock;

    RequestRetention(
            DecisionRepository repository,
            AuditTrail audit,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${credence.retention.request-days:365}") int requestDays) {
        this.repository = repository;
        this.audit = audit;
        this.transactions = transactions;
        this.requestDays = requestDays;
        this.clock = clock;
    }

    /** How many requests were purged, from decisions evaluated before when. */
    public record Purge(Instant cutoff, long purged) {}

    /** Purges now, on this instance; empty when retention is off. */
    public Optional<Purge> purgeExpiredRequests() {
        if (requestDays <= 0) return Optional.empty();
        Instant cutoff = clock.instant().minus(Duration.ofDays(requestDays)).truncatedTo(ChronoUnit.SECONDS);
        long total = 0;
        int purged;
        do {
            purged = transactions.execute(status -> {
                int n = repository.purgeRequestsBefore(cutoff, BATCH);
                audit.record(
                        "system",
                        null,
                        AUDIT_ACTION,
                        "retention",
                        "purged the requests of " + n + " decisions evaluated before " + cutoff + " (retention "
                                + requestDays + " days)");
                return n;
            });
            total += purged;
        } while (purged == BATCH);
        log.info("Retention: purged the requests of {} decisions evaluated before {}", total, cutoff);
        return Optional.of(new Purge(cutoff, total));
    }

    /**
     * Daily, once per cluster: whichever instance takes the lock runs it, and the lock is held at least
     * ten minutes so that an instance whose clock is a little behind does not run it again.
     */
    @Scheduled(cron = "${credence.retention.cron:0 45 2 * * *}", zone = "UTC")
    @SchedulerLock(name = "decision-request-retention", lockAtMostFor = "PT6H", lockAtLeastFor = "PT10M")
    public void purgeOnSchedule() {
        purgeExpiredRequests();
    }
}
