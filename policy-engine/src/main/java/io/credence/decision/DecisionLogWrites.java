package io.credence.decision;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores decisions in the log by group commit: whoever finds no write under way takes every decision
 * waiting at that moment and stores them in one transaction, one batch per table, while the decisions
 * arriving meanwhile wait for the next. Each caller returns only once the transaction holding its
 * decision has committed, so a 200 is still never answered for a decision that is not stored; what
 * changes is that one commit (on H2, one chunk written to the file) serves many requests, which under
 * load is most of a decision's cost. One commit at a time also keeps the guarantee the embedded
 * database needs: H2 may return from a commit while another thread's write to disk is still under
 * way, and a kill -9 then loses an answered decision.
 *
 * <p>A batch that fails (two requests for one application id at once, say) is stored again one
 * decision per transaction, so only the offending decision fails and with its own exception.
 *
 * <p>Times each store, waiting included, and counts the stores under way: the log's backlog.
 */
@Component
class DecisionLogWrites {

    static final int MAX_BATCH = 256;

    private final DecisionRepository repository;
    private final TransactionTemplate transactions;
    private final Timer writes;
    private final DistributionSummary batches;
    private final AtomicInteger underWay = new AtomicInteger();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    private final List<Pending> waiting = new ArrayList<>();
    private boolean writing;

    DecisionLogWrites(
            DecisionRepository repository, PlatformTransactionManager transactionManager, MeterRegistry registry) {
        this.repository = repository;
        // A transaction of its own: the batch holds other callers' decisions, which must not wait for,
        // or roll back with, whatever transaction the writing thread happens to be in.
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.writes = Timer.builder("credence.decision.log.write")
                .description("Time to store a decision in the decision log, waiting for its group commit included")
                .serviceLevelObjectives(
                        Duration.ofNanos(500_000),
                        Duration.ofMillis(1),
                        Duration.ofMillis(2),
                        Duration.ofMillis(5),
                        Duration.ofMillis(10),
                        Duration.ofMillis(25),
                        Duration.ofMillis(50),
                        Duration.ofMillis(100),
                        Duration.ofMillis(250),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1))
                .register(registry);
        this.batches = DistributionSummary.builder("credence.decision.log.batch")
                .description("Decisions stored by one commit of the decision log")
                .baseUnit("decisions")
                .register(registry);
        Gauge.builder("credence.decision.log.backlog", underWay, AtomicInteger::get)
                .description("Decision-log writes under way or waiting for their commit")
                .register(registry);
    }

    /** Returns once the decision is committed; throws what storing it threw (DuplicateKeyException...). */
    void store(NewDecision decision) {
        underWay.incrementAndGet();
        long started = System.nanoTime();
        Pending mine = new Pending(decision);
        lock.lock();
        try {
            waiting.add(mine);
            while (!mine.done) {
                if (writing) {
                    written.awaitUninterruptibly();
                } else {
                    writeWaiting();
                }
            }
        } finally {
            lock.unlock();
            writes.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            underWay.decrementAndGet();
        }
        if (mine.failure != null) throw mine.failure;
    }

    /** Decisions queued for the next commit (not those of the commit under way). */
    int waitingForCommit() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** Called holding the lock; releases it while the batch is written. */
    private void writeWaiting() {
        List<Pending> batch = new ArrayList<>(waiting.subList(0, Math.min(waiting.size(), MAX_BATCH)));
        waiting.subList(0, batch.size()).clear();
        writing = true;
        lock.unlock();
        boolean completed = false;
        try {
            write(batch);
            completed = true;
        } finally {
            lock.lock();
            writing = false;
            for (Pending p : batch) {
                // An Error in the writer reaches its own caller; the others must not take silence for success.
                if (!completed && p.failure == null)
                    p.failure = new IllegalStateException("The decision log write failed.");
                p.done = true;
            }
            written.signalAll();
        }
    }

    private void write(List<Pending> batch) {
        batches.record(batch.size());
        try {
            transactions.executeWithoutResult(status ->
                    repository.insertAll(batch.stream().map(p -> p.decision).toList()));
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                batch.getFirst().failure = batchFailed;
                return;
            }
            for (Pending p : batch) {
                try {
                    transactions.executeWithoutResult(status -> repository.insertAll(List.of(p.decision)));
                } catch (RuntimeException failed) {
                    p.failure = failed;
                }
            }
        }
    }

    private static final class Pending {

        final NewDecision decision;
        boolean done;
        RuntimeException failure;

        Pending(NewDecision decision) {
            this.decision = decision;
        }
    }
}
