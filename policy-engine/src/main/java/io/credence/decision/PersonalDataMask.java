package io.credence.decision;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Masks the personal data of a stored request for readers who are not admins: enough is left to
 * recognise a record, never enough to recover the value.
 */
final class PersonalDataMask {

    private PersonalDataMask() {}

    static JsonNode mask(JsonNode request) {
        if (request == null || !request.isObject()) return request;
        ObjectNode copy = (ObjectNode) request.deepCopy();
        if (copy.get("applicant") instanceof ObjectNode applicant) {
            maskText(applicant, "customerId");
            JsonNode income = applicant.get("monthlyIncome");
            if (income != null && income.isNumber()) applicant.put("monthlyIncome", maskNumber(income));
        }
        if (copy.get("device") instanceof ObjectNode device) {
            maskText(device, "fingerprint");
        }
        return copy;
    }

    /**
     * Masks the request's personal values wherever they occur in free text, such as a policy fault's
     * message ("For input string: \"C-88121\"") on its way to a log line.
     */
    static String scrub(String text, io.credence.engine.LoanApplication request) {
        if (text == null || request == null) return text;
        java.util.List<String> values = new java.util.ArrayList<>();
        if (request.applicant() != null) {
            values.add(request.applicant().customerId());
            java.math.BigDecimal income = request.applicant().monthlyIncome();
            if (income != null) {
                // Every way the number may have been printed: 85000, 85000.00, 85000.0 (as a double).
                values.add(income.toPlainString());
                values.add(income.stripTrailingZeros().toPlainString());
                values.add(Double.toString(income.doubleValue()));
            }
        }
        if (request.device() != null) values.add(request.device().fingerprint());
        // Longest first, so 85000.0 is masked whole before 85000 would mask part of it.
        values.removeIf(java.util.Objects::isNull);
        values.sort(java.util.Comparator.comparingInt((String value) -> value.length())
                .reversed());
        String scrubbed = text;
        for (String value : values) scrubbed = replace(scrubbed, value);
        return scrubbed;
    }

    private static String replace(String text, String value) {
        // One- and two-character values would mask unrelated text and reveal nothing by themselves.
        return value.length() < 3 ? text : text.replace(value, maskText(value));
    }

    static String maskText(String value) {
        if (value == null) return null;
        if (value.length() <= 4) return "*".repeat(value.length());
        int keep = Math.min(2, value.length() / 4);
        return value.substring(0, keep)
                + "*".repeat(value.length() - 2 * keep)
                + value.substring(value.length() - keep);
    }

    private static void maskText(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value != null && value.isString()) node.put(field, maskText(value.asString()));
    }

    /** 85000 becomes "8****": the order of magnitude stays readable, the amount does not. */
    private static String maskNumber(JsonNode number) {
        String digits = number.decimalValue().toBigInteger().abs().toString();
        return digits.charAt(0) + "*".repeat(digits.length() - 1);
    }
}
