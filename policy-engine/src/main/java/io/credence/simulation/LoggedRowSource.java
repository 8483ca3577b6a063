package io.credence.simulation;

import io.credence.decision.LoggedRequest;
import io.credence.simulation.RowEvaluator.RawRow;
import io.credence.simulation.SimulationReport.InvalidRow;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** The market's latest logged requests, newest first; a row's "line" is its position in that order. */
final class LoggedRowSource implements RowSource {

    private final Stream<LoggedRequest> requests;
    private final Iterator<LoggedRequest> iterator;
    private final long total;
    private long index;

    LoggedRowSource(Stream<LoggedRequest> requests, long total) {
        this.requests = requests;
        this.iterator = requests.iterator();
        this.total = Math.max(1, total);
    }

    @Override
    public long total() {
        return total;
    }

    @Override
    public CsvApplications csv() {
        return null;
    }

    @Override
    public List<InvalidRow> fileProblems() {
        return List.of();
    }

    @Override
    public boolean fill(List<RawRow> chunk, int max) {
        while (chunk.size() < max && iterator.hasNext()) {
            LoggedRequest request = iterator.next();
            index++;
            chunk.add(new RawRow(index, index, request.requestJson(), request.contextJson(), null, index));
        }
        return !chunk.isEmpty();
    }

    @Override
    public void close() {
        requests.close();
    }
}
