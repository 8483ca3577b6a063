package io.credence.policy;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import io.credence.engine.ApplicationColumns;
import io.credence.shared.FieldProblem;
import io.credence.shared.InvalidRequestException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A version's test cases as CSV: a {@code name} column, the backtest CSV's application columns (JSON
 * paths such as {@code applicant.age}), then the expectations, named as in the JSON body of a test case
 * ({@code expectedOutcome}, {@code expectedReasons} separated by spaces, {@code expectedAmount},
 * {@code amountTolerance}, {@code expectedApr} as a fraction, {@code aprTolerance}). Reading collects every
 * problem of every line, so one upload shows them all and nothing is saved until none is left.
 */
final class TestCaseCsv {

    static final String NAME = "name";
    static final List<String> EXPECTATIONS = List.of(
            "expectedOutcome", "expectedReasons", "expectedAmount", "amountTolerance", "expectedApr", "aprTolerance");
    static final int MAX_CASES = 1000;
    private static final int MAX_PROBLEMS = 200;

    /** One data line read: its line number in the file (the header is line 1) and the case it describes. */
    record Line(long number, NewTestCase testCase) {}

    private TestCaseCsv() {}

    static List<String> header() {
        List<String> header = new ArrayList<>();
        header.add(NAME);
        header.addAll(ApplicationColumns.names());
        header.addAll(EXPECTATIONS);
        return header;
    }

    static String write(List<PolicyTestCase> cases) {
        StringWriter out = new StringWriter();
        List<String> applicationColumns = ApplicationColumns.names();
        try (CsvWriter writer = CsvWriter.builder().build(out)) {
            writer.writeRecord(header());
            for (PolicyTestCase test : cases) {
                List<String> cells = new ArrayList<>();
                cells.add(test.name());
                applicationColumns.forEach(path -> cells.add(ApplicationColumns.cell(test.application(), path)));
                cells.add(test.expectedOutcome());
                cells.add(test.expectedReasons() == null ? "" : String.join(" ", test.expectedReasons()));
                cells.add(plain(test.expectedAmount()));
                cells.add(plain(test.amountTolerance()));
                cells.add(plain(test.expectedApr()));
                cells.add(plain(test.aprTolerance()));
                writer.writeRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The cases of {@code csv}, each with its line; throws an InvalidRequestException naming every problem
     * the CSV layer finds ("line 4: expectedAmount"). What a case's own check finds is the caller's to add.
     */
    static List<Line> read(String csv, String market) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        String text = csv == null ? "" : csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        String[] columns = null;
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .skipEmptyLines(true)
                .acceptCharsAfterQuotes(false)
                .ignoreDifferentFieldCount(true)
                .ofCsvRecord(text)) {
            for (CsvRecord record : reader) {
                if (columns == null) {
                    columns = columns(record.getFields(), problems);
                    continue;
                }
                if (record.getFields().stream().allMatch(String::isBlank)) continue;
                if (lines.size() == MAX_CASES) {
                    problems.add(new FieldProblem(
                            "line " + record.getStartingLineNumber(),
                            "a file holds at most " + MAX_CASES + " test cases"));
                    break;
                }
                lines.add(line(record, columns, market, problems));
                if (problems.size() >= MAX_PROBLEMS) break;
            }
        } catch (CsvParseException e) {
            problems.add(new FieldProblem("$", "is not valid CSV: " + e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (columns == null)
            problems.add(new FieldProblem("$", "is empty: the first line names the columns, " + header()));
        else if (lines.isEmpty() && problems.isEmpty())
            problems.add(new FieldProblem("$", "has a header but no test cases"));
        if (!problems.isEmpty()) throw new InvalidRequestException(problems);
        return lines;
    }

    private static String[] columns(List<String> names, List<FieldProblem> problems) {
        String[] columns = new String[names.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < columns.length; i++) {
            String name = names.get(i).strip();
            if (!name.equals(NAME) && !EXPECTATIONS.contains(name) && !ApplicationColumns.isColumn(name)) {
                problems.add(new FieldProblem(
                        "line 1: " + (name.isEmpty() ? "column " + (i + 1) : shorten(name)),
                        "is not a column of a test-case file: name, a request field's JSON path such as applicant.age, or one of "
                                + EXPECTATIONS));
            } else if (!seen.add(name)) {
                problems.add(new FieldProblem("line 1: " + name, "appears more than once"));
            } else {
                columns[i] = name;
            }
        }
        for (String required : List.of(NAME, "expectedOutcome")) {
            if (!seen.contains(required))
                problems.add(new FieldProblem("line 1: " + required, "has no column, and every test case needs it"));
        }
        return columns;
    }

    private static Line line(CsvRecord record, String[] columns, String market, List<FieldProblem> problems) {
        String where = "line " + record.getStartingLineNumber() + ": ";
        if (record.getFieldCount() != columns.length) {
            problems.add(new FieldProblem(
                    where.substring(0, where.length() - 2),
                    "has " + record.getFieldCount() + " cells but the header names " + columns.length + " columns"));
        }
        ObjectNode application = JsonNodeFactory.instance.objectNode();
        String name = null;
        String outcome = null;
        List<String> reasons = List.of();
        BigDecimal[] numbers = new BigDecimal[4];
        for (int i = 0; i < Math.min(columns.length, record.getFieldCount()); i++) {
            String column = columns[i];
            String cell = record.getField(i).strip();
            if (column == null || cell.isEmpty()) continue;
            switch (column) {
                case NAME -> name = cell;
                case "expectedOutcome" -> outcome = cell.toUpperCase(java.util.Locale.ROOT);
                case "expectedReasons" ->
                    reasons = Stream.of(cell.split("[\\s,;]+"))
                            .filter(s -> !s.isEmpty())
                            .toList();
                case "expectedAmount", "amountTolerance", "expectedApr", "aprTolerance" -> {
                    BigDecimal number = number(cell);
                    if (number == null)
                        problems.add(new FieldProblem(where + column, "must be a number, such as 0.289"));
                    numbers[EXPECTATIONS.indexOf(column) - 2] = number;
                }
                default -> ApplicationColumns.put(application, column, cell);
            }
        }
        if (!application.has("applicationId"))
            application.put("applicationId", "case-" + record.getStartingLineNumber());
        if (!application.has("market")) application.put("market", market);
        return new Line(
                record.getStartingLineNumber(),
                new NewTestCase(name, application, outcome, reasons, numbers[0], numbers[1], numbers[2], numbers[3]));
    }

    private static BigDecimal number(String cell) {
        if (cell.length() > 40) return null;
        try {
            return new BigDecimal(cell.replace("%", "").strip()).movePointLeft(cell.endsWith("%") ? 2 : 0);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String plain(BigDecimal number) {
        return number == null ? "" : number.stripTrailingZeros().toPlainString();
    }

    private static String shorten(String name) {
        return name.length() <= 60 ? name : name.substring(0, 60) + "…";
    }
}
