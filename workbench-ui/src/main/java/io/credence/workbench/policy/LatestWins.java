package io.credence.workbench.policy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs slow work (a validation takes about a second) one request at a time, keeping only the newest
 * request that arrives meanwhile: as an analyst types, intermediate texts are skipped and only the
 * result for the latest text is shown. Callbacks run on {@code owner}, the UI's thread.
 */
final class LatestWins<I, O> {

    private final Function<I, CompletableFuture<O>> work;
    private final Executor owner;
    private final Consumer<Boolean> busy;
    private final Consumer<O> result;
    private boolean running;
    private I waiting;
    private boolean hasWaiting;

    LatestWins(Function<I, CompletableFuture<O>> work, Executor owner, Consumer<Boolean> busy, Consumer<O> result) {
        this.work = work;
        this.owner = owner;
        this.busy = busy;
        this.result = result;
    }

    /** Call on the owner's thread. */
    void request(I input) {
        if (running) {
            waiting = input;
            hasWaiting = true;
            return;
        }
        start(input);
    }

    boolean isRunning() {
        return running;
    }

    private void start(I input) {
        running = true;
        busy.accept(true);
        work.apply(input).whenComplete((output, failure) -> owner.execute(() -> finished(output)));
    }

    private void finished(O output) {
        running = false;
        if (hasWaiting) {
            I next = waiting;
            waiting = null;
            hasWaiting = false;
            start(next);
            return;
        }
        busy.accept(false);
        if (output != null) result.accept(output);
    }
}
