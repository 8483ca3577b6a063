package io.credence.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.engine.EngineResult;
import io.credence.engine.Enrichment;
import io.credence.engine.LoanApplication;
import io.credence.support.Eventually;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import tools.jackson.databind.json.JsonMapper;

/** Group commit: who waits is stored with the next commit, and one bad decision fails alone. */
class DecisionLogWritesTest {

    /** Records each transaction's batch; the first one can be held open to let others queue behind it. */
    static final class RecordingRepository extends DecisionRepository {

        final List<List<String>> committed = new CopyOnWriteArrayList<>();
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final CountDownLatch releaseFirst = new CountDownLatch(1);
        volatile String duplicate;

        RecordingRepository() {
            super(null, null);
        }

        @Override
        void insertAll(List<NewDecision> decisions) {
            if (firstStarted.getCount() > 0) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            List<String> ids =
                    decisions.stream().map(NewDecision::applicationId).toList();
            if (ids.contains(duplicate)) throw new DuplicateKeyException(duplicate + " was decided before");
            committed.add(ids);
        }
    }

    static final class NoTransactions implements PlatformTransactionManager {

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {}

        @Override
        public void rollback(TransactionStatus status) {}
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RecordingRepository repository = new RecordingRepository();
    private final DecisionLogWrites writes =
            new DecisionLogWrites(repository, new NoTransactions(), new SimpleMeterRegistry());

    @Test
    void decisions_arriving_during_a_commit_are_stored_together_by_the_next_one() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            Future<?> first = callers.submit(() -> writes.store(decision("A-0")));
            await(repository.firstStarted);
            List<Future<?>> queued = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                String id = "A-" + i;
                queued.add(callers.submit(() -> writes.store(decision(id))));
            }
            Eventually.await(
                    "five decisions to queue behind the first commit",
                    Duration.ofSeconds(10),
                    writes::waitingForCommit,
                    n -> n == 5);
            assertThat(first.isDone())
                    .as("a caller returns only after its commit")
                    .isFalse();
            repository.releaseFirst.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (Future<?> f : queued) f.get(10, TimeUnit.SECONDS);
        } finally {
            callers.shutdownNow();
        }
        assertThat(repository.committed).hasSize(2);
        assertThat(repository.committed.get(0)).containsExactly("A-0");
        assertThat(repository.committed.get(1)).containsExactlyInAnyOrder("A-1", "A-2", "A-3", "A-4", "A-5");
    }

    @Test
    void a_batch_that_fails_is_stored_one_by_one_and_only_the_offender_fails() throws Exception {
        repository.duplicate = "B-3";
        ExecutorService callers = Executors.newFixedThreadPool(6);
        List<Future<?>> queued = new ArrayList<>();
        try {
            Future<?> first = callers.submit(() -> writes.store(decision("B-0")));
            await(repository.firstStarted);
            for (int i = 1; i <= 5; i++) {
                String id = "B-" + i;
                queued.add(callers.submit(() -> writes.store(decision(id))));
            }
            Eventually.await(
                    "five decisions to queue behind the first commit",
                    Duration.ofSeconds(10),
                    writes::waitingForCommit,
                    n -> n == 5);
            repository.releaseFirst.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (int i = 0; i < queued.size(); i++) {
                Future<?> f = queued.get(i);
                if (i + 1 == 3) {
                    assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                            .hasCauseInstanceOf(DuplicateKeyException.class);
                } else {
                    f.get(10, TimeUnit.SECONDS);
                }
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(repository.committed.stream().flatMap(List::stream))
                .containsExactlyInAnyOrder("B-0", "B-1", "B-2", "B-4", "B-5");
    }

    private static NewDecision decision(String applicationId) {
        LoanApplication request = JSON.readValue("""
                {"applicationId": "%s", "market": "IN", "applicant": {"customerId": "C-%1$s"}}""".formatted(applicationId), LoanApplication.class);
        EngineResult result =
                new EngineResult("APPROVE", BigDecimal.valueOf(600), null, List.of(), null, null, List.of(), 10, null);
        DecisionResponse response = new DecisionResponse(
                "d-" + applicationId,
                applicationId,
                "IN",
                "APPROVE",
                result.score(),
                List.of(),
                null,
                null,
                new PolicyRef("IN", 1, DecisionRouting.CHAMPION, "sha256:x"),
                List.of(),
                Instant.parse("2026-01-01T00:00:00Z"),
                10);
        return NewDecision.of(
                request,
                JSON.writeValueAsString(request),
                Enrichment.NONE,
                result,
                response,
                null,
                null,
                null,
                "key-1",
                JSON);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
