package io.credence.simulation;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.credence.engine.ApplicationColumns;
import io.credence.shared.FieldProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CSV format of a backtest: a header naming each column by the JSON path of a decision request
 * field ({@code applicant.age}, {@code loan.amount}…) plus an optional {@code label} column (good or
 * bad), then one application per line. Each line becomes the JSON body a loan system would send,
 * typed by the contract, which the engine's own parser then validates; the CSV layer only reports
 * what JSON could not express (a line that is not CSV, a wrong number of cells, a bad label).
 *
 * <p>Lines are split by FastCSV (RFC 4180 quoting: {@code "a, b"}, {@code "say ""hi"""}); a quoted
 * cell may not span lines, since no field of an application holds a line break. Immutable once the
 * header is read, so the workers of a run share one instance.
 */
final class CsvApplications {

    static final String LABEL = "label";
    static final int MAX_COLUMNS = 64;

    private static final Set<String> REQUIRED = Set.of(
            "product",
            "applicant.customerId",
            "applicant.age",
            "applicant.monthlyIncome",
            "applicant.employmentStatus",
            "applicant.kycVerified",
            "loan.amount",
            "loan.currency",
            "loan.termMonths");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final CsvReader.CsvReaderBuilder CSV = CsvReader.builder().acceptCharsAfterQuotes(false);

    /**
     * A data line turned into a request body; {@code json} is null when the line is not CSV at all, and
     * {@code problems} lists what the CSV layer found (the parser adds its own).
     */
    record Row(String applicationId, String json, String label, List<FieldProblem> problems) {}

    private final String[] paths;
    private final List<FieldProblem> headerProblems;

    private CsvApplications(String[] paths, List<FieldProblem> headerProblems) {
        this.paths = paths;
        this.headerProblems = List.copyOf(headerProblems);
    }

    /** Reads the header line; unknown or repeated columns are reported and ignored, never fatal. */
    static CsvApplications header(String line) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> names;
        try {
            names = split(line);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("$", "the header " + e.getMessage()));
            return new CsvApplications(new String[0], problems);
        }
        if (names.isEmpty() || names.stream().allMatch(String::isBlank)) {
            problems.add(new FieldProblem(
                    "$",
                    "the header line is empty: name each column by the JSON path of a "
                            + "request field, such as applicant.age, or label"));
            return new CsvApplications(new String[0], problems);
        }
        if (names.size() > MAX_COLUMNS) {
            problems.add(new FieldProblem(
                    "$", "the header names " + names.size() + " columns; at most " + MAX_COLUMNS + " are read"));
            names = names.subList(0, MAX_COLUMNS);
        }
        String[] paths = new String[names.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < paths.length; i++) {
            String name = names.get(i).strip();
            if (name.isEmpty()) {
                problems.add(new FieldProblem("column " + (i + 1), "has no name; the column is ignored"));
            } else if (!ApplicationColumns.isColumn(name) && !name.equals(LABEL)) {
                problems.add(new FieldProblem(
                        shorten(name),
                        "is not a field of a decision request (name columns by "
                                + "JSON path, such as applicant.age, or label); the column is ignored"));
            } else if (!seen.add(name)) {
                problems.add(new FieldProblem(name, "appears more than once; only the first is read"));
            } else {
                paths[i] = name;
            }
        }
        for (String required : ApplicationColumns.names()) {
            if (REQUIRED.contains(required) && !seen.contains(required)) {
                problems.add(new FieldProblem(required, "has no column, and every application needs it"));
            }
        }
        return new CsvApplications(paths, problems);
    }

    List<FieldProblem> headerProblems() {
        return headerProblems;
    }

    /**
     * Turns data line {@code index} (1-based, counting applications, not lines) into a request body for
     * {@code market}, filling {@code applicationId} ({@code row-<index>}) and {@code market} when absent.
     */
    Row row(long index, String line, String market) {
        String fallbackId = "row-" + index;
        List<String> cells;
        try {
            cells = split(line);
        } catch (IllegalArgumentException e) {
            return invalid(fallbackId, new FieldProblem("$", "the line " + e.getMessage()));
        }
        if (cells.size() != paths.length) {
            return invalid(
                    fallbackId,
                    new FieldProblem(
                            "$",
                            "the line has " + cells.size() + " cells but the header names " + paths.length
                                    + " columns"));
        }
        ObjectNode root = NODES.objectNode();
        String label = null;
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < paths.length; i++) {
            String path = paths[i];
            String cell = cells.get(i).strip();
            if (path == null || cell.isEmpty()) continue;
            if (path.equals(LABEL)) {
                label = cell.toLowerCase(Locale.ROOT);
                if (!label.equals("good") && !label.equals("bad")) {
                    problems.add(new FieldProblem(LABEL, "must be good or bad (or empty when unknown)"));
                    label = null;
                }
                continue;
            }
            ApplicationColumns.put(root, path, cell);
        }
        if (!root.has("applicationId")) root.put("applicationId", fallbackId);
        if (!root.has("market")) root.put("market", market);
        String applicationId =
                root.get("applicationId").isString() ? root.get("applicationId").asString() : fallbackId;
        return new Row(applicationId, root.toString(), label, problems);
    }

    private static Row invalid(String applicationId, FieldProblem problem) {
        return new Row(applicationId, null, null, List.of(problem));
    }

    /** The cells of one line; throws IllegalArgumentException saying why the line is not CSV. */
    private static List<String> split(String line) {
        if (line.chars().filter(c -> c == '"').count() % 2 != 0) {
            throw new IllegalArgumentException("has an unterminated quoted cell");
        }
        try (CsvReader<CsvRecord> reader = CSV.ofCsvRecord(line)) {
            List<String> cells = List.of();
            for (CsvRecord record : reader) {
                if (!cells.isEmpty()) throw new IllegalArgumentException("holds more than one record");
                cells = record.getFields();
            }
            return cells;
        } catch (CsvParseException e) {
            throw new IllegalArgumentException(
                    "is not valid CSV (a quoted cell must end at a comma or the line's end)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shorten(String name) {
        return name.length() <= 60 ? name : name.substring(0, 60) + "…";
    }
}
