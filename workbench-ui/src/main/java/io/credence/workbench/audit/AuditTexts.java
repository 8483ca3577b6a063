package io.credence.workbench.audit;

import io.credence.audit.AuditEntry;
import io.credence.workbench.i18n.Language;
import io.credence.workbench.i18n.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An audit entry's subject and detail in the reader's language. The trail stores them as the engine
 * wrote them, in English and hash-chained, so they are never rewritten: each event type's known shapes
 * are recognised here and their structured parts (versions, digests, counts, roles) put into the reader's
 * sentence. Free text a person typed (a review comment, a rollback reason, a list entry's reason) stays
 * as written, and a shape not recognised is shown as stored.
 */
final class AuditTexts {

    private record Rule(Set<String> actions, Pattern shape, String key, Function<String, String> part) {

        Rule(Set<String> actions, String shape, String key) {
            this(actions, Pattern.compile(shape, Pattern.DOTALL), key, Function.identity());
        }

        boolean applies(String action) {
            return actions.isEmpty() || actions.contains(action);
        }
    }

    private static final Set<String> DEPLOYMENTS = Set.of("DEPLOY", "PROMOTE", "ROLLBACK");
    private static final Set<String> EXPERIMENTS = Set.of(
            "EXPERIMENT_STARTED", "EXPERIMENT_STOPPED", "EXPERIMENT_STOPPED_BY_GUARD_RAIL", "EXPERIMENT_PROMOTED");
    private static final Set<String> USERS = Set.of(
            "USER_SAVED",
            "USER_ROLES_CHANGED",
            "USER_CHANGE_PROPOSED",
            "USER_CHANGE_SINGLE_ADMIN",
            "USER_CHANGE_APPROVED",
            "USER_CHANGE_REJECTED");
    private static final Set<String> DRIFT = Set.of("DRIFT_ALERT", "DRIFT_RESOLVED");
    private static final String DECIMAL = "([+-]?[0-9.]+|NaN)";
    private static final Set<String> API_KEYS = Set.of("API_KEY_CREATED", "API_KEY_CHANGED");
    /** A key's limits as {@code ApiKeys} writes them: "every market, no expiry", "markets IN, MX, expires on …". */
    private static final String KEY_LIMITS =
            "((?:every market|markets [A-Z]{2}(?:, [A-Z]{2})*), (?:no expiry|expires on \\d{4}-\\d{2}-\\d{2}))";

    private static final Pattern KEY_LIMIT_PARTS =
            Pattern.compile("(?:every market|markets (.+)), (?:no expiry|expires on (\\S+))");

    private static final List<Rule> SUBJECTS = List.of(
            new Rule(Set.of("DEPLOY", "PROMOTE"), "v(\\d+) replaces v(\\d+)", "audit.text.replaces"),
            new Rule(
                    Set.of("DEPLOY"),
                    "v(\\d+) replaces v(\\d+) \\(redeployed from RETIRED\\)",
                    "audit.text.redeployed-replacing"),
            new Rule(Set.of("DEPLOY"), "v(\\d+) \\(redeployed from RETIRED\\)", "audit.text.redeployed"),
            new Rule(EXPERIMENTS, "experiment (\\S+)", "audit.text.experiment"),
            new Rule(
                    Set.of("FRAUD_LIST_ADDED", "FRAUD_LIST_REMOVED"),
                    "(CUSTOMER|DEVICE) (\\S+)",
                    "audit.text.list-entry"),
            new Rule(Set.of("DECISION_REQUESTS_PURGED"), "retention", "audit.text.retention"),
            new Rule(Set.of("OUTCOMES_RECEIVED"), "outcomes", "audit.text.outcomes"),
            new Rule(DRIFT, "(APPROVAL_RATE|SCORE_PSI|GINI)", "audit.text.drift-kind"));

    private static final List<Rule> DETAILS = List.of(
            new Rule(DEPLOYMENTS, "(sha256:[0-9a-f]+); reason: (.*)", "audit.text.digest-reason"),
            new Rule(Set.of("TEST_CASE_ADDED"), "(.*) \\(copy\\)", "audit.text.copy"),
            new Rule(USERS, "demo user, roles \\[(.*)\\]", "audit.text.demo-user"),
            new Rule(USERS, "roles \\[(.*)\\], new password, proposed by (.*)", "audit.text.roles-password-proposed"),
            new Rule(USERS, "roles \\[(.*)\\], proposed by (.*)", "audit.text.roles-proposed"),
            new Rule(USERS, "roles \\[(.*)\\], new password", "audit.text.roles-password"),
            new Rule(USERS, "roles \\[(.*)\\], no second admin yet", "audit.text.roles-single-admin"),
            new Rule(USERS, "roles \\[(.*)\\]", "audit.text.roles"),
            new Rule(
                    Set.of("EXPERIMENT_STARTED", "EXPERIMENT_STOPPED"),
                    "v(\\d+) against champion v(\\d+), SPLIT (\\d+)%(.*)",
                    "audit.text.experiment-split"),
            new Rule(
                    Set.of("EXPERIMENT_STARTED", "EXPERIMENT_STOPPED"),
                    "v(\\d+) against champion v(\\d+), SHADOW(.*)",
                    "audit.text.experiment-shadow"),
            new Rule(
                    Set.of("EXPERIMENT_PROMOTED"),
                    "v(\\d+) promoted to champion by (\\S+), replacing v(\\d+)",
                    "audit.text.promoted-replacing"),
            new Rule(Set.of("EXPERIMENT_PROMOTED"), "v(\\d+) promoted to champion by (\\S+)", "audit.text.promoted"),
            new Rule(
                    DRIFT,
                    "([A-Z]{2}) approval rate " + DECIMAL + "% in the last hour against " + DECIMAL
                            + "% over the previous seven days \\(" + DECIMAL + " points; limit ±" + DECIMAL + "\\)",
                    "audit.text.drift-approval"),
            new Rule(
                    DRIFT,
                    "([A-Z]{2}) score distribution shifted: PSI " + DECIMAL
                            + " in the last hour against the previous seven days \\(limit " + DECIMAL + "\\)",
                    "audit.text.drift-psi"),
            new Rule(
                    DRIFT,
                    "([A-Z]{2}) champion's Gini " + DECIMAL + " on loans decided since (\\S+) against " + DECIMAL
                            + " on its first months' loans \\(" + DECIMAL + " points; limit -" + DECIMAL + "\\)",
                    "audit.text.drift-gini"),
            new Rule(Set.of("API_KEY_CREATED"), "(.*); " + KEY_LIMITS, "audit.text.api-key-created"),
            new Rule(
                    Set.of("API_KEY_CHANGED"),
                    "(.*): " + KEY_LIMITS + " → " + KEY_LIMITS,
                    "audit.text.api-key-changed"),
            new Rule(
                    Set.of("DECISION_REQUESTS_PURGED"),
                    "purged the requests of (\\d+) decisions evaluated before (\\S+) " + "\\(retention (\\d+) days\\)",
                    "audit.text.purged"),
            new Rule(
                    Set.of("OUTCOMES_RECEIVED"),
                    "(\\d+) outcome record\\(s\\) for (\\d+) loan\\(s\\), bad at (\\d+) days "
                            + "past due, window (\\d+) months",
                    "audit.text.outcomes-received"));

    private static final Pattern GUARD_RAIL =
            Pattern.compile(", guard rail ([0-9.]+) points after (\\d+) decisions per arm");
    private static final Pattern BAD_RATE_RAIL =
            Pattern.compile(", bad-rate guard rail ([0-9.]+) points after (\\d+) funded loans per arm");
    private static final String BACK_WITHIN = "Back within the limit: ";

    private AuditTexts() {}

    /** English readers see the stored text itself: it is what the API returns and the chain hashes. */
    static String subject(AuditEntry entry, Language language, Words texts) {
        return language == Language.ENGLISH
                ? entry.subject()
                : translate(entry.action(), entry.subject(), SUBJECTS, texts);
    }

    static String detail(AuditEntry entry, Language language, Words texts) {
        String detail = entry.detail();
        if (language == Language.ENGLISH) return detail;
        if (detail != null && entry.action().equals("DRIFT_RESOLVED") && detail.startsWith(BACK_WITHIN)) {
            return texts.translate(
                    "audit.text.back-within",
                    translate(entry.action(), detail.substring(BACK_WITHIN.length()), DETAILS, texts));
        }
        return translate(entry.action(), detail, DETAILS, texts);
    }

    private static String translate(String action, String stored, List<Rule> rules, Words texts) {
        if (stored == null) return null;
        for (Rule rule : rules) {
            if (!rule.applies(action)) continue;
            Matcher matcher = rule.shape().matcher(stored);
            if (!matcher.matches()) continue;
            List<Object> parts = new ArrayList<>();
            for (int g = 1; g <= matcher.groupCount(); g++) parts.add(part(rule.key(), g, matcher.group(g), texts));
            return texts.translate(rule.key(), parts.toArray());
        }
        return stored;
    }

    /** A recognised part in the reader's words: role lists, list names, drift kinds, guard-rail clauses. */
    private static String part(String key, int group, String value, Words texts) {
        if (value == null) return "";
        if (key.startsWith("audit.text.roles") || key.equals("audit.text.demo-user")) {
            return group == 1 ? roles(value, texts) : value;
        }
        if (key.equals("audit.text.list-entry") && group == 1) return texts.translate("common.fraud-list." + value);
        if (key.equals("audit.text.drift-kind")) return texts.translate("audit.text.drift-kind." + value);
        if (key.startsWith("audit.text.experiment-") && group == matcherTail(key)) return guardRails(value, texts);
        if (key.startsWith("audit.text.api-key-") && group > 1) return keyLimits(value, texts);
        return value;
    }

    /** Which group of an experiment description holds its guard-rail clauses. */
    private static int matcherTail(String key) {
        return key.equals("audit.text.experiment-split") ? 4 : 3;
    }

    private static String guardRails(String tail, Words texts) {
        StringBuilder text = new StringBuilder();
        Matcher approval = GUARD_RAIL.matcher(tail);
        if (approval.find())
            text.append(texts.translate("audit.text.guard-rail", approval.group(1), approval.group(2)));
        Matcher badRate = BAD_RATE_RAIL.matcher(tail);
        if (badRate.find())
            text.append(texts.translate("audit.text.bad-rate-guard-rail", badRate.group(1), badRate.group(2)));
        return text.toString();
    }

    /** The key's name (group 1) stays as typed; its markets and expiry are put in the reader's words. */
    private static String keyLimits(String limits, Words texts) {
        Matcher parts = KEY_LIMIT_PARTS.matcher(limits);
        if (!parts.matches()) return limits;
        String markets = parts.group(1) == null
                ? texts.translate("audit.text.api-key.every-market")
                : texts.translate(
                        "audit.text.api-key.markets",
                        String.join(
                                texts.translate("audit.text.list-separator"),
                                parts.group(1).split(", ")));
        String expiry = parts.group(2) == null
                ? texts.translate("audit.text.api-key.no-expiry")
                : texts.translate("audit.text.api-key.expires", parts.group(2));
        return texts.translate("audit.text.api-key.limits", markets, expiry);
    }

    private static String roles(String list, Words texts) {
        List<String> names = new ArrayList<>();
        for (String role : list.split(",\\s*")) {
            names.add(role.matches("ANALYST|REVIEWER|ADMIN|LOAN_SYSTEM") ? texts.translate("role." + role) : role);
        }
        return String.join(texts.translate("audit.text.list-separator"), names);
    }
}
