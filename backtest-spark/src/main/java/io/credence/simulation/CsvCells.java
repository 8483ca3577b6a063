package io.credence.simulation;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Writes a Parquet row as the CSV line the service would read, so that a Parquet input goes through
 * exactly the same column mapping and checks ({@link CsvApplications}) as an uploaded CSV.
 */
final class CsvCells {

    private CsvCells() {}

    static String line(Row row) {
        List<String> cells = new ArrayList<>(row.length());
        for (int i = 0; i < row.length(); i++) cells.add(row.isNullAt(i) ? "" : cell(row.get(i)));
        return line(cells);
    }

    static String line(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (String cell : cells) {
            if (!line.isEmpty()) line.append(',');
            line.append('"').append(cell.replace("\"", "\"\"")).append('"');
        }
        return line.toString();
    }

    private static String cell(Object value) {
        // Plain notation: a Parquet decimal or double must not reach the parser as 1.0E+5.
        if (value instanceof java.math.BigDecimal decimal) return decimal.toPlainString();
        if (value instanceof Double number)
            return java.math.BigDecimal.valueOf(number).toPlainString();
        if (value instanceof Float number) return new java.math.BigDecimal(number.toString()).toPlainString();
        return value.toString();
    }
}
