package io.credence.engine;

import io.credence.shared.FieldProblem;
import io.credence.shared.InvalidRequestException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a decision request and reports every offending field by its JSON path, not only the first:
 * binding straight to a record would stop at the first wrong type. Bad input never reaches rules.
 *
 * <p>What only the market's settings can judge (its currency, its bureau's score scale) is checked in
 * the same pass when the caller gives the settings, so one 400 names a bad enum value, a wrong currency
 * and an out-of-scale score together, rather than the second only once the first is fixed.
 */
public final class LoanApplicationParser {

    static final Set<String> PRODUCTS = Set.of("PERSONAL_LOAN", "INSTALLMENT", "SME_LOAN", "AUTO_LOAN");
    static final Set<String> CHANNELS = Set.of("WEB", "APP", "PARTNER", "BRANCH");
    static final Set<String> EMPLOYMENT = Set.of("SALARIED", "SELF_EMPLOYED", "UNEMPLOYED", "STUDENT", "RETIRED");
    static final Set<String> RESIDENCE = Set.of("OWNER", "RENTER", "FAMILY", "OTHER");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern MARKET = Pattern.compile("[A-Z]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");
    private static final BigDecimal MAX_MONEY = new BigDecimal("1e15");

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final List<FieldProblem> problems = new ArrayList<>();

    private LoanApplicationParser() {}

    /** Parses a decision request; throws InvalidRequestException listing every offending field. */
    public static LoanApplication parse(String body) {
        return parse(body, market -> List.of());
    }

    /**
     * Parses a decision request and checks it against the settings {@code settingsFor} gives for its
     * market (called once, with a well-formed market code; none when the market is unknown); throws
     * InvalidRequestException listing every offending field, the request's own and the market's alike.
     */
    public static LoanApplication parse(String body, Function<String, List<MarketSettings>> settingsFor) {
        LoanApplicationParser parser = new LoanApplicationParser();
        LoanApplication application = parser.read(body);
        if (parser.market != null) {
            Set<FieldProblem> marketProblems = new LinkedHashSet<>();
            for (MarketSettings settings : settingsFor.apply(parser.market)) {
                marketProblems.addAll(marketProblems(parser.market, parser.currency, parser.score, settings));
            }
            parser.problems.addAll(marketProblems);
        }
        if (!parser.problems.isEmpty()) throw new InvalidRequestException(sorted(parser.problems));
        return application;
    }

    /** Checks what only the market's settings can tell: its currency and its bureau's score scale. */
    public static void checkAgainst(LoanApplication request, MarketSettings settings) {
        List<FieldProblem> problems = marketProblems(
                request.market(),
                request.loan().currency(),
                request.bureau() == null ? null : request.bureau().score(),
                settings);
        if (!problems.isEmpty()) throw new InvalidRequestException(problems);
    }

    private static List<FieldProblem> marketProblems(
            String market, String currency, Integer score, MarketSettings settings) {
        List<FieldProblem> problems = new ArrayList<>();
        if (currency != null && !settings.currency().equals(currency)) {
            problems.add(new FieldProblem(
                    "loan.currency", "must be " + settings.currency() + ", the currency of market " + market));
        }
        if (score != null
                && (score < settings.bureau().scoreMin()
                        || score > settings.bureau().scoreMax())) {
            problems.add(new FieldProblem(
                    "bureau.score",
                    "must be between " + settings.bureau().scoreMin() + " and "
                            + settings.bureau().scoreMax() + " on the "
                            + settings.bureau().name() + " scale used in "
                            + market));
        }
        return problems;
    }

    /** Problems in the order of the request's fields, whichever check found them. */
    private static List<FieldProblem> sorted(List<FieldProblem> problems) {
        List<FieldProblem> ordered = new ArrayList<>(problems);
        ordered.sort(java.util.Comparator.comparingInt(problem ->
                FIELD_ORDER.indexOf(problem.field()) < 0 ? Integer.MAX_VALUE : FIELD_ORDER.indexOf(problem.field())));
        return ordered;
    }

    private static final List<String> FIELD_ORDER = List.of(
            "$",
            "applicationId",
            "market",
            "product",
            "channel",
            "locale",
            "applicant",
            "applicant.customerId",
            "applicant.age",
            "applicant.monthlyIncome",
            "applicant.employmentStatus",
            "applicant.employmentMonths",
            "applicant.residentialStatus",
            "applicant.dependents",
            "applicant.kycVerified",
            "loan",
            "loan.amount",
            "loan.currency",
            "loan.termMonths",
            "loan.purpose",
            "bureau",
            "bureau.score",
            "bureau.historyMonths",
            "bureau.delinquencies12m",
            "bureau.openLoans",
            "bureau.inquiries6m",
            "bureau.monthlyDebtPayments",
            "device",
            "device.fingerprint",
            "device.ipCountry");

    /** Kept as read, for the market's own checks, even when other fields are wrong. */
    private String market;

    private String currency;
    private Integer score;

    private LoanApplication read(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidRequestException(
                    "$", "is not valid JSON" + where + ": " + withoutClassNames(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRequestException("$", "must be a JSON object");
        }
        String applicationId = text(root, "applicationId", true, ID, "1-128 letters, digits, '.', '_', ':' or '-'");
        String market = text(root, "market", true, MARKET, "a two-letter market code such as IN");
        this.market = market;
        String product = oneOf(root, "product", true, PRODUCTS);
        String channel = oneOf(root, "channel", false, CHANNELS);
        String locale = text(root, "locale", false, LOCALE, "a language tag such as pt-BR");

        LoanApplication.Applicant applicant = null;
        JsonNode a = object(root, "applicant", true);
        if (a != null) {
            applicant = new LoanApplication.Applicant(
                    text(a, "applicant.customerId", true, null, null),
                    integer(a, "applicant.age", true, 0, 150),
                    money(a, "applicant.monthlyIncome", true, false),
                    oneOf(a, "applicant.employmentStatus", true, EMPLOYMENT),
                    integer(a, "applicant.employmentMonths", false, 0, 1200),
                    oneOf(a, "applicant.residentialStatus", false, RESIDENCE),
                    integer(a, "applicant.dependents", false, 0, 50),
                    bool(a, "applicant.kycVerified", true));
        }
        LoanApplication.Loan loan = null;
        JsonNode l = object(root, "loan", true);
        if (l != null) {
            BigDecimal amount = money(l, "loan.amount", true, true);
            this.currency = text(l, "loan.currency", true, CURRENCY, "a three-letter ISO 4217 code");
            loan = new LoanApplication.Loan(
                    amount,
                    currency,
                    integer(l, "loan.termMonths", true, 1, 600),
                    text(l, "loan.purpose", false, null, null));
        }
        LoanApplication.Bureau bureau = null;
        JsonNode b = object(root, "bureau", false);
        if (b != null) {
            this.score = integer(b, "bureau.score", false, -10_000, 10_000);
            bureau = new LoanApplication.Bureau(
                    score,
                    integer(b, "bureau.historyMonths", false, 0, 1200),
                    integer(b, "bureau.delinquencies12m", false, 0, 1000),
                    integer(b, "bureau.openLoans", false, 0, 1000),
                    integer(b, "bureau.inquiries6m", false, 0, 1000),
                    money(b, "bureau.monthlyDebtPayments", false, false));
        }
        LoanApplication.Device device = null;
        JsonNode d = object(root, "device", false);
        if (d != null) {
            device = new LoanApplication.Device(
                    text(d, "device.fingerprint", false, null, null),
                    text(d, "device.ipCountry", false, COUNTRY, "a two-letter country code"));
        }
        // Field problems are thrown by parse(), once the market's own checks have added theirs.
        if (!problems.isEmpty()) return null;
        return new LoanApplication(applicationId, market, product, channel, applicant, loan, bureau, device, locale);
    }

    /** Jackson's message without the Java types it names ("(bound as `tools.jackson...JsonNode`)"). */
    private static String withoutClassNames(String message) {
        return String.valueOf(message)
                .replaceAll("\\s*\\(bound as `[^`]*`\\)", "")
                .replaceAll("`(?:[a-z][a-z0-9_]*\\.)+([A-Za-z0-9_$]+)`", "`$1`");
    }

    private JsonNode field(JsonNode parent, String path) {
        return parent.get(path.substring(path.lastIndexOf('.') + 1));
    }

    private JsonNode object(JsonNode parent, String path, boolean required) {
        JsonNode node = field(parent, path);
        if (node == null || node.isNull()) {
            if (required) problems.add(new FieldProblem(path, "is required"));
            return null;
        }
        if (!node.isObject()) {
            problems.add(new FieldProblem(path, "must be an object"));
            return null;
        }
        return node;
    }

    private String text(JsonNode parent, String path, boolean required, Pattern pattern, String expected) {
        JsonNode node = field(parent, path);
        if (node == null || node.isNull()) {
            if (required) problems.add(new FieldProblem(path, "is required"));
            return null;
        }
        if (!node.isString()) {
            problems.add(new FieldProblem(path, "must be a string"));
            return null;
        }
        String value = node.asString();
        if (required && value.isBlank()) {
            problems.add(new FieldProblem(path, "must not be blank"));
            return null;
        }
        if (value.length() > 256) {
            problems.add(new FieldProblem(path, "must be at most 256 characters"));
            return null;
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            problems.add(new FieldProblem(path, "must be " + expected));
            return null;
        }
        return value;
    }

    private String oneOf(JsonNode parent, String path, boolean required, Set<String> allowed) {
        String value = text(parent, path, required, null, null);
        if (value != null && !allowed.contains(value)) {
            problems.add(new FieldProblem(
                    path, "must be one of " + allowed.stream().sorted().toList()));
            return null;
        }
        return value;
    }

    private Integer integer(JsonNode parent, String path, boolean required, int min, int max) {
        JsonNode node = field(parent, path);
        if (node == null || node.isNull()) {
            if (required) problems.add(new FieldProblem(path, "is required"));
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            problems.add(new FieldProblem(path, "must be a whole number"));
            return null;
        }
        int value = node.asInt();
        if (value < min || value > max) {
            problems.add(new FieldProblem(path, "must be between " + min + " and " + max));
            return null;
        }
        return value;
    }

    private BigDecimal money(JsonNode parent, String path, boolean required, boolean positive) {
        JsonNode node = field(parent, path);
        if (node == null || node.isNull()) {
            if (required) problems.add(new FieldProblem(path, "is required"));
            return null;
        }
        if (!node.isNumber()) {
            problems.add(new FieldProblem(path, "must be a number"));
            return null;
        }
        BigDecimal value = node.decimalValue();
        if (positive ? value.signum() <= 0 : value.signum() < 0) {
            problems.add(new FieldProblem(path, positive ? "must be greater than zero" : "must not be negative"));
            return null;
        }
        if (value.compareTo(MAX_MONEY) > 0) {
            problems.add(new FieldProblem(path, "is implausibly large"));
            return null;
        }
        return value;
    }

    private Boolean bool(JsonNode parent, String path, boolean required) {
        JsonNode node = field(parent, path);
        if (node == null || node.isNull()) {
            if (required) problems.add(new FieldProblem(path, "is required"));
            return null;
        }
        if (!node.isBoolean()) {
            problems.add(new FieldProblem(path, "must be true or false"));
            return null;
        }
        return node.asBoolean();
    }
}
