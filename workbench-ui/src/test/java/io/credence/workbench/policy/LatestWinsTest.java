package io.credence.workbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LatestWinsTest {

    private final Map<String, CompletableFuture<String>> started = new LinkedHashMap<>();
    private final List<Boolean> busy = new ArrayList<>();
    private final List<String> shown = new ArrayList<>();
    private final LatestWins<String, String> runner = new LatestWins<>(
            input -> {
                CompletableFuture<String> work = new CompletableFuture<>();
                started.put(input, work);
                return work;
            },
            Runnable::run,
            busy::add,
            shown::add);

    @Test
    void runs_one_request_and_shows_its_result() {
        runner.request("a");
        started.get("a").complete("result a");
        assertThat(shown).containsExactly("result a");
        assertThat(busy).containsExactly(true, false);
    }

    @Test
    void requests_made_while_one_runs_collapse_into_the_latest() {
        runner.request("a");
        runner.request("b");
        runner.request("c");
        assertThat(started).containsOnlyKeys("a");

        started.get("a").complete("result a");
        assertThat(started).containsOnlyKeys("a", "c");
        assertThat(shown).as("a stale result is not shown").isEmpty();
        assertThat(runner.isRunning()).isTrue();

        started.get("c").complete("result c");
        assertThat(shown).containsExactly("result c");
        assertThat(busy).containsExactly(true, true, false);
    }

    @Test
    void a_failed_run_ends_the_busy_state_and_shows_nothing() {
        runner.request("a");
        started.get("a").completeExceptionally(new IllegalStateException("boom"));
        assertThat(runner.isRunning()).isFalse();
        assertThat(busy).containsExactly(true, false);
        assertThat(shown).isEmpty();
    }
}
