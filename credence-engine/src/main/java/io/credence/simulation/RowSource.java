package io.credence.simulation;

import io.credence.simulation.RowEvaluator.RawRow;
import io.credence.simulation.SimulationReport.InvalidRow;
import java.io.IOException;
import java.util.List;

/** Where a run's rows come from, read by one thread in order and handed to the workers in chunks. */
interface RowSource extends AutoCloseable {

    /** What progress is measured against: bytes for a file, rows for the decision log. */
    long total();

    /** The CSV layout the rows follow, or null for logged requests. */
    CsvApplications csv();

    /** Problems with the file as a whole (its header, or no header at all); not counted as rows. */
    List<InvalidRow> fileProblems();

    /** Adds up to {@code max} rows to {@code chunk}; false once there are no more. */
    boolean fill(List<RawRow> chunk, int max) throws IOException;

    @Override
    void close() throws IOException;
}
