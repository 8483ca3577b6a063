package io.credence.decision;

import io.credence.shared.FieldProblem;
import io.credence.shared.InvalidRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searching the decision log as people do: any combination of filters, a page at a time with the total,
 * every match as CSV, and each market's activity over a chosen period.
 */
@Service
public class DecisionSearch {

    public static final int MAX_PAGE_SIZE = 500;
    static final String CSV_HEADER = "decisionId,applicationId,market,outcome,score,policyVersion,arm,reasonCodes,"
            + "evaluatedAt,durationMicros,fault";

    private final DecisionSearchQueries queries;

    DecisionSearch(DecisionSearchQueries queries) {
        this.queries = queries;
    }

    /** What is wrong with a page request, so that a caller can report it with the filter's own problems. */
    static List<FieldProblem> pagingProblems(int page, int size) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0) problems.add(new FieldProblem("page", "must be 0 or more"));
        if (size < 1 || size > MAX_PAGE_SIZE) problems.add(new FieldProblem("size", "must be 1 to " + MAX_PAGE_SIZE));
        return problems;
    }

    /** Page {@code page} (from 0) of {@code size} matching decisions, newest first. */
    @Transactional(readOnly = true)
    public DecisionPage search(DecisionFilter filter, int page, int size) {
        List<FieldProblem> problems = pagingProblems(page, size);
        if (!problems.isEmpty()) throw new InvalidRequestException(problems);
        return new DecisionPage(queries.page(filter, page, size), page, size, queries.count(filter));
    }

    /** Up to {@code limit} matching decisions from the {@code offset}th, newest first: a lazy grid's fetch. */
    @Transactional(readOnly = true)
    public List<DecisionSummary> slice(DecisionFilter filter, int offset, int limit) {
        return queries.slice(filter, Math.max(0, offset), Math.max(1, Math.min(limit, MAX_PAGE_SIZE)));
    }

    /** How many decisions match, for a grid that fetches its rows lazily. */
    @Transactional(readOnly = true)
    public long count(DecisionFilter filter) {
        return queries.count(filter);
    }

    /**
     * Every matching decision as CSV (a header, then a row per decision, newest first), written while
     * the database streams them, so an export of a year holds one row in memory at a time.
     */
    @Transactional(readOnly = true)
    public void exportCsv(DecisionFilter filter, Writer out) {
        try {
            out.write(CSV_HEADER);
            out.write('\n');
            queries.each(filter, row -> {
                DecisionSummary d = row.summary();
                try {
                    out.write(String.join(
                            ",",
                            csv(d.decisionId()),
                            csv(d.applicationId()),
                            d.market(),
                            d.outcome(),
                            d.score() == null ? "" : d.score().toPlainString(),
                            String.valueOf(d.policyVersion()),
                            csv(d.arm()),
                            csv(
                                    row.reasonCodes() == null
                                            ? ""
                                            : row.reasonCodes().replace(',', ' ')),
                            DateTimeFormatter.ISO_INSTANT.format(d.evaluatedAt()),
                            String.valueOf(d.durationMicros()),
                            String.valueOf(d.fault())));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quotes a field holding a comma, quote or line break; a leading =, +, - or @ is defused for spreadsheets. */
    static String csv(String value) {
        if (value == null) return "";
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0)
            return text;
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
