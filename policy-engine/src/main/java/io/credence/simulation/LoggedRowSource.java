package io.credence.simulation;

import io.credence.decision.LoggedRequest;
import io.credence.simulation.RowEvaluator.RawRow;
import io.credence.simulation.SimulationReport.InvalidRow;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The market's latest logged requests, newest first; a row's "line" is its position in that order. Each
 * chunk's rows are labelled good or bad from their loans' outcomes in one look-up.
 */
final class LoggedRowSource implements RowSource {

    private final Stream<LoggedRequest> requests;
    private final Iterator<LoggedRequest> iterator;
    private final long total;
    private final Function<List<String>, Map<String, String>> labels;
    private long index;

    LoggedRowSource(Stream<LoggedRequest> requests, long total, Function<List<String>, Map<String, String>> labels) {
        this.requests = requests;
        this.iterator = requests.iterator();
        this.total = Math.max(1, total);
        this.labels = labels;
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
        List<LoggedRequest> read = new ArrayList<>();
        while (read.size() + chunk.size() < max && iterator.hasNext()) read.add(iterator.next());
        Map<String, String> known = read.isEmpty()
                ? Map.of()
                : labels.apply(read.stream().map(LoggedRequest::applicationId).toList());
        for (LoggedRequest request : read) {
            index++;
            chunk.add(new RawRow(
                    index,
                    index,
                    request.requestJson(),
                    request.contextJson(),
                    null,
                    index,
                    known.get(request.applicationId())));
        }
        return !chunk.isEmpty();
    }

    @Override
    public void close() {
        requests.close();
    }
}
