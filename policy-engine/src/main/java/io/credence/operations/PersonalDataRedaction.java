package io.credence.operations;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * A last line of defence for structured (JSON) logs: any value written as {@code customerId=…},
 * {@code "fingerprint":"…"}, {@code monthlyIncome: …} and the like, in a message, an exception or a
 * context field, is replaced by {@code [redacted]}. That is how a request, a record's toString() or a
 * JSON body would carry personal data into a log line; the decision path itself logs none.
 * Named in application.yml ({@code logging.structured.json.customizer}), so Boot instantiates it.
 */
public class PersonalDataRedaction implements StructuredLoggingJsonMembersCustomizer<Object> {

    static final String REDACTED = "[redacted]";

    private static final Pattern PERSONAL = Pattern.compile(
            "(?i)(\\b(?:customer_?id|fingerprint|monthly_?income)\\b\"?\\s*[:=]\\s*\"?)([^\"',;)\\]}\\s]+)");

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, PersonalDataRedaction::redact));
    }

    static String redact(String text) {
        if (text == null) return null;
        Matcher matcher = PERSONAL.matcher(text);
        return matcher.find() ? matcher.replaceAll("$1" + Matcher.quoteReplacement(REDACTED)) : text;
    }
}
