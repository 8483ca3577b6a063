package io.credence.decision;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Masks the personal data of a stored request for readers who are not admins: enough is left to
 * recognise a record, never enough to recover the value.
 */
final class PersonalDataMask {

    private PersonalDataMask() {
    }

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

    static String maskText(String value) {
        if (value == null) return null;
        if (value.length() <= 4) return "*".repeat(value.length());
        int keep = Math.min(2, value.length() / 4);
        return value.substring(0, keep) + "*".repeat(value.length() - 2 * keep) + value.substring(value.length() - keep);
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
