package io.credence.simulation;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The application columns of a backtest CSV, each named by the JSON path of a decision request field,
 * for the other CSV files that carry applications (a version's test cases): one naming and typing of
 * columns, so a row copied from a backtest file reads the same in a test-case file.
 */
public final class ApplicationColumns {

    private ApplicationColumns() {
    }

    /** Every column, in the order an exported file writes them. */
    public static List<String> names() {
        return List.copyOf(CsvApplications.FIELDS.keySet());
    }

    public static boolean isColumn(String name) {
        return CsvApplications.FIELDS.containsKey(name);
    }

    /** Puts a cell at its path, typed as the contract types the field; what does not parse stays text for the parser to name. */
    public static void put(ObjectNode application, String path, String cell) {
        CsvApplications.put(application, path, cell);
    }

    /** The cell of {@code path} for a request body: the value as written, empty when absent or null. */
    public static String cell(JsonNode application, String path) {
        JsonNode node = application;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        if (node == null || node.isNull() || node.isMissingNode()) return "";
        return node.isValueNode() ? node.asString() : node.toString();
    }
}
