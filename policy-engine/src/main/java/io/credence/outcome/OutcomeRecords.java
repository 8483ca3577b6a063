package io.credence.outcome;

import io.credence.shared.InvalidRequestException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a batch of outcome records, checking each on its own: a bad record yields one rejection per
 * offending field and never stops the others. Only a body that is not a batch at all is refused whole.
 */
final class OutcomeRecords {

    static final int MAX_RECORDS = 10_000;
    private static final int MAX_ID_LENGTH = 128;
    private static final Set<String> FIELDS = Set.of(
            "applicationId",
            "asOf",
            "funded",
            "fundedAt",
            "fundedAmount",
            "daysPastDue",
            "status",
            "principalOutstanding",
            "lossAmount");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1e15");

    record Parsed(int index, Observation observation) {}

    record Batch(List<Parsed> valid, List<RejectedOutcome> rejected) {}

    private OutcomeRecords() {}

    static Batch read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("outcomes", "the body must be {\"outcomes\": [ … ]}");
        }
        JsonNode records = body.get("outcomes");
        if (records == null || !records.isArray()) {
            throw new InvalidRequestException("outcomes", "is required: an array of outcome records");
        }
        if (records.size() > MAX_RECORDS) {
            throw new InvalidRequestException(
                    "outcomes", "holds " + records.size() + " records; at most " + MAX_RECORDS + " a call");
        }
        List<Parsed> valid = new ArrayList<>();
        List<RejectedOutcome> rejected = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Observation observation = new Reader(i, rejected).read(records.get(i));
            if (observation != null) valid.add(new Parsed(i, observation));
        }
        return new Batch(valid, rejected);
    }

    /** Reads one record, adding a rejection per offending field. */
    private static final class Reader {

        private final int index;
        private final List<RejectedOutcome> sink;
        private boolean bad;

        Reader(int index, List<RejectedOutcome> sink) {
            this.index = index;
            this.sink = sink;
        }

        Observation read(JsonNode node) {
            if (node == null || !node.isObject()) {
                reject("", "must be an object");
                return null;
            }
            for (var field : node.properties()) {
                if (!FIELDS.contains(field.getKey())) reject(field.getKey(), "is not an outcome field");
            }
            String applicationId = applicationId(node);
            LocalDate asOf = date(node, "asOf", true);
            Boolean funded = bool(node);
            boolean isFunded = Boolean.TRUE.equals(funded);
            LocalDate fundedAt = date(node, "fundedAt", isFunded);
            BigDecimal fundedAmount = amount(node, "fundedAmount");
            Integer daysPastDue = daysPastDue(node, isFunded);
            LoanStatus status = status(node, isFunded);
            BigDecimal principal = amount(node, "principalOutstanding");
            BigDecimal loss = amount(node, "lossAmount");
            if (asOf != null && fundedAt != null && fundedAt.isAfter(asOf)) {
                reject("fundedAt", "is after asOf " + asOf + ": a loan is observed only once funded");
            }
            if (Boolean.FALSE.equals(funded)) {
                for (String field : List.of("fundedAt", "fundedAmount", "daysPastDue", "principalOutstanding")) {
                    if (node.has(field) && !node.get(field).isNull()) {
                        reject(field, "must be absent when funded is false (the loan was never taken up)");
                    }
                }
            }
            if (bad) return null;
            return new Observation(
                    applicationId,
                    asOf,
                    isFunded,
                    isFunded ? fundedAt : null,
                    fundedAmount,
                    daysPastDue,
                    status,
                    principal,
                    loss);
        }

        private String applicationId(JsonNode node) {
            JsonNode value = node.get("applicationId");
            if (value == null || !value.isString() || value.asString().isBlank()) {
                reject("applicationId", "is required: the applicationId of the decision");
                return null;
            }
            if (value.asString().length() > MAX_ID_LENGTH) {
                reject("applicationId", "is longer than " + MAX_ID_LENGTH + " characters");
                return null;
            }
            return value.asString();
        }

        private LocalDate date(JsonNode node, String field, boolean required) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                if (required) reject(field, "is required: a date, yyyy-MM-dd");
                return null;
            }
            if (!value.isString()) {
                reject(field, "must be a date, yyyy-MM-dd");
                return null;
            }
            try {
                return LocalDate.parse(value.asString());
            } catch (DateTimeParseException e) {
                reject(field, "'" + abbreviated(value.asString()) + "' is not a date, yyyy-MM-dd");
                return null;
            }
        }

        private Boolean bool(JsonNode node) {
            JsonNode value = node.get("funded");
            if (value == null || !value.isBoolean()) {
                reject("funded", "is required: true, or false when the approved loan was never taken up");
                return null;
            }
            return value.asBoolean();
        }

        private BigDecimal amount(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) return null;
            if (!value.isNumber()) {
                reject(field, "must be a number");
                return null;
            }
            BigDecimal amount = value.decimalValue();
            if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) >= 0) {
                reject(field, "must be between 0 and " + MAX_AMOUNT.toPlainString());
                return null;
            }
            return amount;
        }

        private Integer daysPastDue(JsonNode node, boolean required) {
            JsonNode value = node.get("daysPastDue");
            if (value == null || value.isNull()) {
                if (required) reject("daysPastDue", "is required for a funded loan: 0 when up to date");
                return null;
            }
            if (!value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > 100_000) {
                reject("daysPastDue", "must be a whole number of days, 0 or more");
                return null;
            }
            return value.asInt();
        }

        private LoanStatus status(JsonNode node, boolean required) {
            JsonNode value = node.get("status");
            if (value == null || value.isNull()) {
                if (required) reject("status", "is required for a funded loan: one of " + statuses());
                return null;
            }
            if (value.isString()) {
                for (LoanStatus status : LoanStatus.values()) {
                    if (status.name().equals(value.asString())) return status;
                }
            }
            reject("status", "'" + abbreviated(value.toString()) + "' is not one of " + statuses());
            return null;
        }

        private void reject(String field, String message) {
            bad = true;
            String path = "outcomes[" + index + "]" + (field.isEmpty() ? "" : "." + field);
            sink.add(new RejectedOutcome(index, path, message));
        }
    }

    static void rejectWhole(List<RejectedOutcome> sink, int index, String field, String message) {
        sink.add(new RejectedOutcome(index, "outcomes[" + index + "]." + field, message));
    }

    private static String statuses() {
        return String.join(
                ", ", Arrays.stream(LoanStatus.values()).map(Enum::name).toList());
    }

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
