package io.credence.decision;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
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

    DecisionLogWrites(MeterRegistry registry) {
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
        try {
            write.run();
        } finally {
            writes.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            underWay.decrementAndGet();
        }
    }
}
