package io.credence.simulation;

import io.credence.shared.FieldProblem;
import io.credence.simulation.RowEvaluator.RawRow;
import io.credence.simulation.SimulationReport.InvalidRow;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** The rows of a CSV file: the header is read at once, blank lines are skipped. */
final class CsvRowSource implements RowSource {

    private final CsvLines lines;
    private final long size;
    private final CsvApplications csv;
    private final List<InvalidRow> fileProblems;
    private long index;

    CsvRowSource(InputStream in, long size) throws IOException {
        this.lines = new CsvLines(in);
        this.size = Math.max(1, size);
        CsvLines.Line header = lines.next();
        if (header == null) {
            csv = null;
            fileProblems = List.of(new InvalidRow(
                    1,
                    null,
                    List.of(new FieldProblem(
                            "$",
                            "the file is empty: expected "
                                    + "a header line naming the columns by JSON path (applicant.age, loan.amount…), then one "
                                    + "application per line"))));
        } else if (header.problem() != null) {
            csv = null;
            fileProblems = List.of(new InvalidRow(
                    1,
                    null,
                    List.of(new FieldProblem(
                            "$", "the header line " + header.problem() + "; no row can be read without it"))));
        } else {
            csv = CsvApplications.header(header.text());
            fileProblems =
                    csv.headerProblems().isEmpty() ? List.of() : List.of(new InvalidRow(1, null, csv.headerProblems()));
        }
    }

    @Override
    public long total() {
        return size;
    }

    @Override
    public CsvApplications csv() {
        return csv;
    }

    @Override
    public List<InvalidRow> fileProblems() {
        return fileProblems;
    }

    @Override
    public boolean fill(List<RawRow> chunk, int max) throws IOException {
        if (csv == null) return false;
        while (chunk.size() < max) {
            CsvLines.Line line = lines.next();
            if (line == null) return !chunk.isEmpty();
            if (line.text() != null && line.text().isBlank()) continue;
            chunk.add(new RawRow(line.number(), ++index, line.text(), null, line.problem(), line.end()));
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
