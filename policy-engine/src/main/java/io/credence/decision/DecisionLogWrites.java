package io.credence.decision;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Times the decision-log write, commit included, and counts the writes under way. A decision is
 * stored before it is answered, so this time is part of every answer, and writes piling up here are
 * requests waiting on the database: the log's backlog.
 */
@Component
class DecisionLogWrites {

    private final Timer writes;
    private final AtomicInteger underWay = new AtomicInteger();
    private final boolean embedded;
    private final ReentrantLock embeddedCommits = new ReentrantLock();

    DecisionLogWrites(MeterRegistry registry, DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            this.embedded = "H2".equals(connection.getMetaData().getDatabaseProductName());
        }
        this.writes = Timer.builder("credence.decision.log.write")
                .description("Time to store a decision in the decision log, commit included")
                .serviceLevelObjectives(Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2),
                        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
                        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1))
                .register(registry);
        Gauge.builder("credence.decision.log.backlog", underWay, AtomicInteger::get)
                .description("Decision-log writes under way or waiting for a database connection")
                .register(registry);
    }

    void record(Runnable write) {
        underWay.incrementAndGet();
        long started = System.nanoTime();
        // H2's store may return from a commit while another thread's write to disk is still under way
        // without it, and a kill -9 then loses an answered decision. One decision commit at a time
        // closes that gap on the embedded database; PostgreSQL syncs every commit itself.
        if (embedded) embeddedCommits.lock();
        try {
            write.run();
        } finally {
            if (embedded) embeddedCommits.unlock();
            writes.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            underWay.decrementAndGet();
        }
    }
}
