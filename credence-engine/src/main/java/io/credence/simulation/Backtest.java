package io.credence.simulation;

import io.credence.simulation.RowEvaluator.RawRow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * The loop of one run: reads rows in chunks on the calling thread, has the workers decide them, and
 * merges the chunks' counts in row order, keeping at most {@code inFlight} chunks out at once so that a
 * run never holds more than a few thousand rows in memory, however large its file.
 */
final class Backtest {

    /** Told after each chunk is merged: the rows so far and how far through the source they reach. */
    interface Progress {
        void reached(Tally total, int percent);
    }

    private Backtest() {}

    static Tally run(
            RowSource source,
            RowEvaluator evaluator,
            ExecutorService workers,
            int chunkSize,
            int inFlight,
            BooleanSupplier stopped,
            Progress progress)
            throws Exception {
        Tally total = new Tally();
        Deque<Pending> pending = new ArrayDeque<>();
        while (true) {
            if (stopped.getAsBoolean()) throw new InterruptedException("the backtest was stopped");
            List<RawRow> chunk = new ArrayList<>(chunkSize);
            source.fill(chunk, chunkSize);
            if (chunk.isEmpty()) break;
            pending.addLast(new Pending(
                    workers.submit(() -> evaluator.evaluate(chunk)),
                    chunk.getLast().position()));
            while (pending.size() >= inFlight) merge(pending.removeFirst(), total, source, progress);
        }
        while (!pending.isEmpty()) merge(pending.removeFirst(), total, source, progress);
        return total;
    }

    private record Pending(Future<Tally> tally, long position) {}

    private static void merge(Pending next, Tally total, RowSource source, Progress progress)
            throws InterruptedException, ExecutionException {
        total.merge(next.tally().get());
        progress.reached(total, (int) Math.min(99, next.position() * 100 / source.total()));
    }
}
