package io.credence.simulation;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.credence.shared.FieldProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    enum Kind { TEXT, WHOLE, DECIMAL, BOOLEAN }

    /** Every field of the decision request, by JSON path, with the JSON type the contract gives it. */
    static final Map<String, Kind> FIELDS = fields();

    private static final Set<String> REQUIRED = Set.of("product", "applicant.customerId", "applicant.age",
            "applicant.monthlyIncome", "applicant.employmentStatus", "applicant.kycVerified", "loan.amount",
            "loan.currency", "loan.termMonths");
    private static final BigDecimal INT_RANGE = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final CsvReader.CsvReaderBuilder CSV = CsvReader.builder().acceptCharsAfterQuotes(false);

    /**
     * A data line turned into a request body; {@code json} is null when the line is not CSV at all, and
     * {@code problems} lists what the CSV layer found (the parser adds its own).
     */
    record Row(String applicationId, String json, String label, List<FieldProblem> problems) {
    }

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
            problems.add(new FieldProblem("$", "the header line is empty: name each column by the JSON path of a "
                    + "request field, such as applicant.age, or label"));
            return new CsvApplications(new String[0], problems);
        }
        if (names.size() > MAX_COLUMNS) {
            problems.add(new FieldProblem("$", "the header names " + names.size() + " columns; at most "
                    + MAX_COLUMNS + " are read"));
            names = names.subList(0, MAX_COLUMNS);
        }
        String[] paths = new String[names.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < paths.length; i++) {
            String name = names.get(i).strip();
            if (name.isEmpty()) {
                problems.add(new FieldProblem("column " + (i + 1), "has no name; the column is ignored"));
            } else if (!FIELDS.containsKey(name) && !name.equals(LABEL)) {
                problems.add(new FieldProblem(shorten(name), "is not a field of a decision request (name columns by "
                        + "JSON path, such as applicant.age, or label); the column is ignored"));
            } else if (!seen.add(name)) {
                problems.add(new FieldProblem(name, "appears more than once; only the first is read"));
            } else {
                paths[i] = name;
            }
        }
        for (String required : FIELDS.keySet()) {
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
            return invalid(fallbackId, new FieldProblem("$", "the line has " + cells.size() + " cells but the header names "
                    + paths.length + " columns"));
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
            put(root, path, cell);
        }
        if (!root.has("applicationId")) root.put("applicationId", fallbackId);
        if (!root.has("market")) root.put("market", market);
        String applicationId = root.get("applicationId").isString() ? root.get("applicationId").asString() : fallbackId;
        return new Row(applicationId, root.toString(), label, problems);
    }

    private static Row invalid(String applicationId, FieldProblem problem) {
        return new Row(applicationId, null, null, List.of(problem));
    }

    /** Puts a cell at its path, typed as the contract types the field; what does not parse stays text for the parser to name. */
    static void put(ObjectNode root, String path, String cell) {
        ObjectNode parent = root;
        int dot = path.indexOf('.');
        if (dot > 0) {
            String object = path.substring(0, dot);
            parent = root.get(object) instanceof ObjectNode existing ? existing : root.putObject(object);
        }
        String name = path.substring(dot + 1);
        switch (FIELDS.get(path)) {
            case TEXT -> parent.put(name, cell);
            case WHOLE, DECIMAL -> {
                BigDecimal number = number(cell);
                if (number == null) {
                    parent.put(name, cell);
                } else if (FIELDS.get(path) == Kind.WHOLE && number.scale() <= 0 && number.abs().compareTo(INT_RANGE) < 0) {
                    parent.put(name, number.intValueExact());
                } else {
                    parent.put(name, number);
                }
            }
            case BOOLEAN -> {
                if (cell.equalsIgnoreCase("true")) parent.put(name, true);
                else if (cell.equalsIgnoreCase("false")) parent.put(name, false);
                else parent.put(name, cell);
            }
        }
    }

    private static BigDecimal number(String cell) {
        if (cell.length() > 40) return null;
        try {
            return new BigDecimal(cell);
        } catch (NumberFormatException e) {
            return null;
        }
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
            throw new IllegalArgumentException("is not valid CSV (a quoted cell must end at a comma or the line's end)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shorten(String name) {
        return name.length() <= 60 ? name : name.substring(0, 60) + "…";
    }

    private static Map<String, Kind> fields() {
        Map<String, Kind> fields = new LinkedHashMap<>();
        fields.put("applicationId", Kind.TEXT);
        fields.put("market", Kind.TEXT);
        fields.put("product", Kind.TEXT);
        fields.put("channel", Kind.TEXT);
        fields.put("locale", Kind.TEXT);
        fields.put("applicant.customerId", Kind.TEXT);
        fields.put("applicant.age", Kind.WHOLE);
        fields.put("applicant.monthlyIncome", Kind.DECIMAL);
        fields.put("applicant.employmentStatus", Kind.TEXT);
        fields.put("applicant.employmentMonths", Kind.WHOLE);
        fields.put("applicant.residentialStatus", Kind.TEXT);
        fields.put("applicant.dependents", Kind.WHOLE);
        fields.put("applicant.kycVerified", Kind.BOOLEAN);
        fields.put("loan.amount", Kind.DECIMAL);
        fields.put("loan.currency", Kind.TEXT);
        fields.put("loan.termMonths", Kind.WHOLE);
        fields.put("loan.purpose", Kind.TEXT);
        fields.put("bureau.score", Kind.WHOLE);
        fields.put("bureau.historyMonths", Kind.WHOLE);
        fields.put("bureau.delinquencies12m", Kind.WHOLE);
        fields.put("bureau.openLoans", Kind.WHOLE);
        fields.put("bureau.inquiries6m", Kind.WHOLE);
        fields.put("bureau.monthlyDebtPayments", Kind.DECIMAL);
        fields.put("device.fingerprint", Kind.TEXT);
        fields.put("device.ipCountry", Kind.TEXT);
        return Collections.unmodifiableMap(fields);
    }
}
