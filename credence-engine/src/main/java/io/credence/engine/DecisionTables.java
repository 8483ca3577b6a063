package io.credence.engine;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * Decision tables in Drools' own spreadsheet format (drools-decisiontables: a RuleTable whose rows
 * are rules, its columns conditions and actions). A package stores each one as CSV text, named
 * {@code <stage>-<name>.csv} (pricing-grid.csv goes into the pricing stage), so that versions,
 * digests and diffs treat it like any other artifact; analysts download and upload it as XLSX.
 * Cells are pasted into rule code by Drools, so the generated DRL goes through the same sandbox as
 * hand-written DRL, and every error is traced back to the row and column it came from.
 */
public final class DecisionTables {

    private static final Pattern NAME = Pattern.compile("(fraud|approval|pricing)-[a-z0-9]+(?:-[a-z0-9]+)*\\.csv");
    /** Drools writes where each rule came from above it: "// rule values at A12, header at A7". */
    private static final Pattern RULE_ORIGIN = Pattern.compile("^// rule values at ([A-Z]+)(\\d+)");

    private static final Pattern CELL_REFERENCE = Pattern.compile("\\b([A-Z]{1,3})(\\d{1,6})\\b");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    /** Characters that would let a cell end the code Drools pastes it into and write code of its own. */
    private static final Pattern CODE_BREAKING = Pattern.compile("[;{}\\n\\r`]");

    private static final List<String> KEYWORDS = List.of(
            "CONDITION",
            "ACTION",
            "PRIORITY",
            "NAME",
            "DESCRIPTION",
            "NO-LOOP",
            "ACTIVATION-GROUP",
            "AGENDA-GROUP",
            "RULEFLOW-GROUP",
            "DURATION",
            "TIMER",
            "ENABLED",
            "DATE-EFFECTIVE",
            "DATE-EXPIRES",
            "METADATA",
            "LOCK-ON-ACTIVE",
            "AUTO-FOCUS",
            "C",
            "A",
            "P",
            "N",
            "I",
            "U",
            "E",
            "B",
            "@");

    private DecisionTables() {}

    /** Whether the artifact name is a decision table's: {@code pricing-grid.csv}, {@code approval-cut-offs.csv}. */
    public static boolean isTable(String artifact) {
        return artifact != null && NAME.matcher(artifact).matches();
    }

    /** The stage whose KieBase a table's rules join: the part of its name before the first dash. */
    public static String stageOf(String artifact) {
        return artifact.substring(0, artifact.indexOf('-'));
    }

    /** The table's cells, row by row (rows as long as their last cell). Tolerant: text that does not read gives what it can. */
    public static List<List<String>> cells(String csv) {
        List<List<String>> rows = new ArrayList<>();
        if (csv == null) return rows;
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .skipEmptyLines(false)
                .ignoreDifferentFieldCount(true)
                .ofCsvRecord(csv)) {
            for (CsvRecord record : reader) {
                List<String> row = new ArrayList<>(record.getFields());
                while (!row.isEmpty() && row.get(row.size() - 1).isEmpty()) row.remove(row.size() - 1);
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CsvParseException | UncheckedIOException e) {
            // An unclosed quote: what was read so far is what the grid shows; validation names the problem.
            return rows;
        }
        return rows;
    }

    /** CSV text for the cells: quoted only where a cell needs it, one line per row, "\n" endings. */
    public static String csv(List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CsvWriter writer =
                CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out)) {
            for (List<String> row : rows) {
                List<String> trimmed = new ArrayList<>(
                        row.stream().map(c -> c == null ? "" : c).toList());
                while (!trimmed.isEmpty() && trimmed.get(trimmed.size() - 1).isEmpty())
                    trimmed.remove(trimmed.size() - 1);
                if (trimmed.isEmpty()) {
                    out.write("\n");
                } else {
                    writer.writeRecord(trimmed);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The table as a one-sheet workbook: numbers as numbers, so a spreadsheet can sort and sum them. */
    public static byte[] xlsx(String csv, String sheetName) {
        try (Workbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            List<List<String>> rows = cells(csv);
            int widest = 0;
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> values = rows.get(r);
                widest = Math.max(widest, values.size());
                for (int c = 0; c < values.size(); c++) {
                    String value = values.get(c);
                    if (value.isEmpty()) continue;
                    Cell cell = row.createCell(c);
                    if (NUMBER.matcher(value).matches()) {
                        cell.setCellValue(Double.parseDouble(value));
                    } else {
                        cell.setCellValue(value);
                    }
                }
            }
            for (int c = 0; c < widest; c++) sheet.setColumnWidth(c, 20 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A workbook's first sheet as CSV text, each cell as the spreadsheet shows it, numbers without the
     * binary noise of floating point (0.179, not 0.17899999999999999).
     *
     * @throws DecisionTableUploadException when the bytes are not an XLSX workbook
     */
    public static String fromXlsx(InputStream xlsx) {
        byte[] bytes;
        try {
            bytes = xlsx.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) throw new DecisionTableUploadException("the workbook has no sheet");
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> values = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        values.add(cell == null ? "" : text(cell, formatter));
                    }
                }
                rows.add(values);
            }
            while (!rows.isEmpty() && rows.get(rows.size() - 1).stream().allMatch(String::isBlank))
                rows.remove(rows.size() - 1);
            return csv(rows);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DecisionTableUploadException known) throw known;
            throw new DecisionTableUploadException(
                    "is not an Excel workbook (.xlsx) that can be read: " + e.getMessage());
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) return NumberToTextConverter.toText(cell.getNumericCellValue());
        if (type == CellType.STRING)
            return cell.getRichStringCellValue().getString().strip();
        return formatter.formatCellValue(cell).strip();
    }

    /**
     * The checks a cell can be given as it is typed, without compiling: cells that would break out of
     * the code Drools pastes them into, and a word in a column whose other values are all numbers.
     * Each error's line and column are the cell's row and column (1-based).
     */
    public static List<ArtifactError> checkCells(String artifact, String csv) {
        List<ArtifactError> errors = new ArrayList<>();
        List<List<String>> rows = cells(csv);
        Layout layout = Layout.of(rows);
        if (layout == null) {
            errors.add(new ArtifactError(
                    artifact,
                    1,
                    1,
                    "has no RuleTable: a decision table starts with a \"RuleTable <name>\""
                            + " row, then a row of CONDITION/ACTION, the fact types, the code with $param, the column names, and one"
                            + " row per rule (see docs/authoring.md, Decision tables)"));
            return errors;
        }
        for (int r = layout.firstRuleRow(); r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.isEmpty() || row.get(0).startsWith("RuleTable")) break;
            for (int c = 0; c < row.size(); c++) {
                String value = row.get(c);
                if (value.isBlank()) continue;
                if (CODE_BREAKING.matcher(value).find() || unbalancedQuotes(value)) {
                    errors.add(
                            cellError(
                                    artifact,
                                    layout,
                                    r,
                                    c,
                                    "\"" + value + "\" cannot be a cell value: a value may not"
                                            + " hold ; { } or an unclosed quote, because Drools pastes it into the rule's code"));
                } else if (layout.numeric(rows, c, r)
                        && !NUMBER.matcher(value.strip()).matches()) {
                    errors.add(cellError(
                            artifact,
                            layout,
                            r,
                            c,
                            "\"" + value + "\" is not a number, and every other value"
                                    + " in this column is (write 0.179 for 17.9 %)"));
                }
            }
        }
        return errors;
    }

    private static boolean unbalancedQuotes(String value) {
        return value.chars().filter(ch -> ch == '"').count() % 2 != 0;
    }

    /**
     * The table's rules as DRL, through Drools' own SpreadsheetCompiler; null, with errors naming the
     * table and the cell where Drools says, when it does not read.
     */
    static String toDrl(String artifact, String csv, List<ArtifactError> errors) {
        List<ArtifactError> cellErrors = checkCells(artifact, csv);
        if (!cellErrors.isEmpty()) {
            errors.addAll(cellErrors);
            return null;
        }
        try {
            String drl = new SpreadsheetCompiler()
                    .compile(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), InputType.CSV);
            if (drl == null || !drl.contains("rule ")) {
                errors.add(new ArtifactError(artifact, null, null, "holds no rule: add rows under the column names"));
                return null;
            }
            String stage = stageOf(artifact);
            if (!drl.startsWith("package " + stage + ";")) {
                errors.add(new ArtifactError(
                        artifact,
                        1,
                        2,
                        "row 1, column B: the RuleSet must be " + stage
                                + ", the stage the table's name puts its rules in (RuleSet," + stage + ")"));
                return null;
            }
            return drl;
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Matcher cell = CELL_REFERENCE.matcher(message);
            if (cell.find()) {
                int column = columnNumber(cell.group(1));
                int row = Integer.parseInt(cell.group(2));
                errors.add(new ArtifactError(
                        artifact, row, column, "row " + row + ", column " + cell.group(1) + ": " + message));
            } else {
                errors.add(new ArtifactError(artifact, null, null, message));
            }
            return null;
        }
    }

    /**
     * An error Drools or the sandbox found in the DRL generated from a table, moved onto the table's
     * row, and onto the column whose value the offending DRL line holds where exactly one does.
     */
    static ArtifactError traced(String artifact, String csv, String drl, ArtifactError error) {
        if (error.line() == null) return new ArtifactError(artifact, null, null, error.message());
        String[] lines = drl.split("\n", -1);
        Integer row = null;
        for (int i = 0; i < Math.min(error.line(), lines.length); i++) {
            Matcher origin = RULE_ORIGIN.matcher(lines[i].strip());
            if (origin.find()) row = Integer.parseInt(origin.group(2));
        }
        if (row == null) return new ArtifactError(artifact, null, null, error.message());
        List<List<String>> rows = cells(csv);
        Layout layout = Layout.of(rows);
        String line = error.line() <= lines.length ? lines[error.line() - 1] : "";
        Integer column = null;
        if (row - 1 < rows.size()) {
            List<String> cells = rows.get(row - 1);
            for (int c = 0; c < cells.size(); c++) {
                if (!cells.get(c).isBlank() && line.contains(cells.get(c).strip())) {
                    if (column != null) {
                        column = null;
                        break;
                    }
                    column = c + 1;
                }
            }
        }
        String where = "row " + row
                + (column == null
                        ? ""
                        : ", column " + columnLetter(column) + (layout == null ? "" : layout.label(column - 1)));
        return new ArtifactError(artifact, row, column, where + ": " + error.message());
    }

    private static ArtifactError cellError(
            String artifact, Layout layout, int rowIndex, int columnIndex, String message) {
        return new ArtifactError(
                artifact,
                rowIndex + 1,
                columnIndex + 1,
                "row " + (rowIndex + 1) + ", column " + columnLetter(columnIndex + 1) + layout.label(columnIndex) + ": "
                        + message);
    }

    /** A, B, … Z, AA: how a spreadsheet names the 1-based column. */
    public static String columnLetter(int column) {
        StringBuilder letters = new StringBuilder();
        for (int n = column; n > 0; n = (n - 1) / 26) letters.insert(0, (char) ('A' + (n - 1) % 26));
        return letters.toString();
    }

    private static int columnNumber(String letters) {
        int n = 0;
        for (char ch : letters.toCharArray()) n = n * 26 + (ch - 'A' + 1);
        return n;
    }

    /**
     * The column names of the table's first RuleTable (the row above its first rule) and where its
     * rules start; what reviewers and error messages call a column ("APR").
     */
    public static Map<Integer, String> columnNames(String csv) {
        Map<Integer, String> names = new TreeMap<>();
        Layout layout = Layout.of(cells(csv));
        if (layout == null) return names;
        for (int c = 0; c < layout.labels().size(); c++) {
            if (!layout.labels().get(c).isBlank()) names.put(c, layout.labels().get(c));
        }
        return names;
    }

    /** The 0-based row of the first rule of the first RuleTable, or -1 when there is none. */
    public static int firstRuleRow(String csv) {
        Layout layout = Layout.of(cells(csv));
        return layout == null ? -1 : layout.firstRuleRow();
    }

    /** Where the first RuleTable's parts are: the keyword row, then object types, code, names, rules. */
    private record Layout(int firstRuleRow, List<String> labels) {

        static Layout of(List<List<String>> rows) {
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                if (!row.isEmpty() && row.get(0).strip().startsWith("RuleTable")) {
                    int keywords = r + 1;
                    if (keywords >= rows.size()) return null;
                    boolean known = rows.get(keywords).stream()
                            .filter(k -> !k.isBlank())
                            .allMatch(k -> KEYWORDS.contains(k.strip().toUpperCase()));
                    if (!known || rows.get(keywords).isEmpty()) return null;
                    int labels = keywords + 3;
                    return new Layout(labels + 1, labels < rows.size() ? rows.get(labels) : List.of());
                }
            }
            return null;
        }

        String label(int columnIndex) {
            return columnIndex < labels.size() && !labels.get(columnIndex).isBlank()
                    ? " (" + labels.get(columnIndex) + ")"
                    : "";
        }

        /** Whether every other filled cell of the column, among the rules, is a number. */
        boolean numeric(List<List<String>> rows, int column, int except) {
            int numbers = 0;
            for (int r = firstRuleRow; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                if (row.isEmpty() || row.get(0).startsWith("RuleTable")) break;
                if (r == except || column >= row.size() || row.get(column).isBlank()) continue;
                if (!NUMBER.matcher(row.get(column).strip()).matches()) return false;
                numbers++;
            }
            return numbers > 0;
        }
    }
}
