package io.credence.workbench.policy;

import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The key fields of a decision request as the test bench form shows them, and the request they make.
 * A blank bureau score is a thin file; blank optional fields are left out, as a loan system would.
 */
record TrialApplication(
        String product,
        String channel,
        Integer age,
        BigDecimal monthlyIncome,
        String employmentStatus,
        Integer employmentMonths,
        String residentialStatus,
        Integer dependents,
        boolean kycVerified,
        BigDecimal amount,
        Integer termMonths,
        String purpose,
        Integer bureauScore,
        Integer historyMonths,
        Integer delinquencies12m,
        Integer openLoans,
        Integer inquiries6m,
        BigDecimal monthlyDebtPayments,
        String ipCountry) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A salaried renter with a sound bureau file asking for a mid-sized personal loan. */
    static TrialApplication typical(String market) {
        return new TrialApplication(
                "PERSONAL_LOAN",
                "APP",
                34,
                new BigDecimal("85000"),
                "SALARIED",
                60,
                "RENTER",
                1,
                true,
                new BigDecimal("200000"),
                24,
                "DEBT_CONSOLIDATION",
                742,
                48,
                0,
                2,
                1,
                new BigDecimal("12000"),
                market);
    }

    /** The decision request for a market whose loans are in {@code currency}. */
    String toJson(String market, String currency) {
        ObjectNode root = JSON.createObjectNode();
        root.put("applicationId", "TEST-BENCH-1");
        root.put("market", market);
        root.put("product", product);
        putText(root, "channel", channel);
        ObjectNode applicant = root.putObject("applicant");
        applicant.put("customerId", "C-TEST-BENCH");
        putNumber(applicant, "age", age);
        putNumber(applicant, "monthlyIncome", monthlyIncome);
        putText(applicant, "employmentStatus", employmentStatus);
        putNumber(applicant, "employmentMonths", employmentMonths);
        putText(applicant, "residentialStatus", residentialStatus);
        putNumber(applicant, "dependents", dependents);
        applicant.put("kycVerified", kycVerified);
        ObjectNode loan = root.putObject("loan");
        putNumber(loan, "amount", amount);
        loan.put("currency", currency);
        putNumber(loan, "termMonths", termMonths);
        putText(loan, "purpose", purpose);
        ObjectNode bureau = root.putObject("bureau");
        if (bureauScore == null) bureau.putNull("score");
        else bureau.put("score", bureauScore);
        putNumber(bureau, "historyMonths", historyMonths);
        putNumber(bureau, "delinquencies12m", delinquencies12m);
        putNumber(bureau, "openLoans", openLoans);
        putNumber(bureau, "inquiries6m", inquiries6m);
        putNumber(bureau, "monthlyDebtPayments", monthlyDebtPayments);
        if (ipCountry != null && !ipCountry.isBlank()) {
            ObjectNode device = root.putObject("device");
            device.put("fingerprint", "d-test-bench");
            device.put("ipCountry", ipCountry);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** The currency named in a version's market.json; null if the settings do not parse. */
    static String currencyOf(String marketJson) {
        try {
            JsonNode currency = JSON.readTree(marketJson).get("currency");
            return currency == null || !currency.isString() ? null : currency.asString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) node.put(field, value);
    }

    private static void putNumber(ObjectNode node, String field, Integer value) {
        if (value != null) node.put(field, value);
    }

    private static void putNumber(ObjectNode node, String field, BigDecimal value) {
        if (value != null) node.put(field, value);
    }
}
