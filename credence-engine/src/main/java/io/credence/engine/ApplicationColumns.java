package io.credence.engine;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The columns of a CSV file that carries applications (a backtest's, a version's test cases), each named
 * by the JSON path of a decision request field and typed as the contract types it: one naming and typing,
 * so a row copied from a backtest file reads the same in a test-case file.
 */
public final class ApplicationColumns {

    enum Kind {
        TEXT,
        WHOLE,
        DECIMAL,
        BOOLEAN
    }

    /** Every field of the decision request, by JSON path, with the JSON type the contract gives it. */
    static final Map<String, Kind> FIELDS = fields();

    private static final BigDecimal INT_RANGE = BigDecimal.valueOf(Integer.MAX_VALUE);

    private ApplicationColumns() {}

    /** Every column, in the order an exported file writes them. */
    public static List<String> names() {
        return List.copyOf(FIELDS.keySet());
    }

    public static boolean isColumn(String name) {
        return FIELDS.containsKey(name);
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

    /** Puts a cell at its path, typed as the contract types the field; what does not parse stays text for the parser to name. */
    public static void put(ObjectNode root, String path, String cell) {
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
                } else if (FIELDS.get(path) == Kind.WHOLE
                        && number.scale() <= 0
                        && number.abs().compareTo(INT_RANGE) < 0) {
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
