package io.credence.web;

import io.credence.support.Credentials;
import io.credence.support.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The requests FuzzIT sends, each one made from its own seeded Random: request n is the same on every
 * run and whatever thread sends it. Two families: a valid decision request with one to three mutations,
 * and a call to any documented endpoint with hostile path parameters, query strings and bodies.
 *
 * Nothing here names a real user, key, decision or seed market, so an admitted call can change nothing
 * another test relies on.
 */
final class FuzzRequests {

    record Call(
            String what,
            String method,
            byte[] target,
            Map<String, String> headers,
            byte[] body,
            boolean chunked,
            boolean twice) {

        boolean isDecision() {
            String path = new String(target, StandardCharsets.ISO_8859_1).split("\\?", 2)[0];
            return method.equals("POST") && path.equals("/api/v1/decisions");
        }
    }

    record Endpoint(String method, String template) {}

    /** Path parameters and string values: traversal, injection, encodings, odd Unicode, sizes. */
    static final List<String> HOSTILE = List.of(
            "..",
            "../",
            "../../../../etc/passwd",
            "%2e%2e",
            "%2e%2e/",
            "%2e%2e%2f",
            "%2E%2E%2F%2E%2E",
            "..%2f",
            "%252e%252e%252f",
            "..;",
            ".",
            "%2e",
            "./.",
            "..\\..",
            "%5c..%5c",
            "' OR 1=1 --",
            "'; DROP TABLE decision; --",
            "\" OR \"\"=\"",
            "1; select pg_sleep(5)",
            "x' union select * from app_user --",
            "%27%20OR%201%3D1%20--",
            "1%27",
            "admin'--",
            "*",
            "%",
            "%%",
            "%zz",
            "%00",
            "a%00b",
            "%0d%0aX-Injected:%201",
            "%ED%A0%80",
            "%C0%AE%C0%AE",
            "%FF%FE",
            "%E2%80%AE",
            "\u202eRTL\u202c",
            "zero\u200bwidth",
            "\ufeffbom",
            "e\u0301",
            "\uD83D\uDE00",
            "\uD800",
            "\uDFFF",
            "\u0000",
            "nul\u0000byte",
            "tab\tby",
            "\u00e9t\u00e9",
            "\u4e2d\u6587",
            "\u0627\u0644\u0639",
            "-1",
            "0",
            "00",
            "2147483648",
            "-2147483649",
            "99999999999999999999",
            "1.5",
            "1e3",
            "1e309",
            "NaN",
            "Infinity",
            "null",
            "undefined",
            "true",
            "[]",
            "{}",
            "XQ",
            "xq",
            "Q",
            "QQQ",
            "fz.nobody",
            "fz-key-0",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/a}",
            "#{7*7}",
            "{{7*7}}",
            "$(id)",
            "`id`",
            "\\",
            "/",
            "//",
            ";",
            "a;b=c",
            "~",
            "?",
            "#",
            " ",
            "a b",
            "+",
            "&",
            "=",
            "@",
            "|",
            "<>",
            "\"quoted\"");

    private static final List<String> RAW_NUMBERS = List.of(
            "1e308",
            "1e309",
            "-1e309",
            "-0",
            "-0.0",
            "0.0",
            "1e-400",
            "123456789012345678901234567890",
            "NaN",
            "-NaN",
            "Infinity",
            "-Infinity",
            "0x10",
            "007",
            "1.5e3",
            "2147483648",
            "-2147483649",
            "9223372036854775808",
            "1.",
            ".5",
            "+1",
            "1e",
            "--1",
            "1_000",
            "1,5",
            "9".repeat(2000),
            "0." + "1".repeat(1500));

    private static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "multipart/form-data; boundary=fuzz",
            "////",
            "application/json; charset=utf-16",
            "application/json; charset=nonsense",
            "application/problem+json",
            "*/*",
            "application/json;;;",
            "");

    private static final List<String> QUERIES = List.of(
            "?limit=-1",
            "?limit=abc",
            "?limit=99999999999",
            "?limit=0",
            "?from=yesterday",
            "?from=2026-13-45T99:00:00Z",
            "?to=%00",
            "?market=%27%20OR%201%3D1%20--",
            "?market=" + "X".repeat(3000),
            "?against=abc",
            "?against=-1",
            "?action=%E2%80%AE",
            "?outcome=APPROVE%00",
            "?applicationId=..%2F..",
            "?since=NaN",
            "?x=%zz",
            "?=&&=",
            "?limit=1&limit=2",
            "?market=XQ&outcome=DECLINE&limit=5");

    private static final List<String> KEYS = List.of(
            "basedOn",
            "artifacts",
            "note",
            "comment",
            "challengerVersion",
            "trafficPercent",
            "mode",
            "version",
            "against",
            "source",
            "limit",
            "pmml",
            "rows",
            "name",
            "username",
            "password",
            "roles",
            "enabled",
            "list",
            "entry",
            "reason",
            "expiresAt",
            "applicationId",
            "market",
            "maxApprovalRateDifference",
            "minimumSample",
            "expectedOutcome",
            "expectedReasons",
            "application",
            "approval.drl",
            "fraud.drl",
            "scorecard.pmml",
            "settings.json",
            "__proto__",
            "");

    private final long seed;
    private final ObjectNode template;
    private final String market;
    private final String apiKey;
    private final List<Endpoint> endpoints;
    private final Map<String, Credentials> roles;

    FuzzRequests(
            long seed,
            ObjectNode template,
            String market,
            String apiKey,
            List<Endpoint> endpoints,
            Map<String, Credentials> roles) {
        this.seed = seed;
        this.template = template;
        this.market = market;
        this.apiKey = apiKey;
        this.endpoints = List.copyOf(endpoints);
        this.roles = roles;
    }

    private Random random(int index, long family) {
        return new Random(seed ^ (family * 0x9E3779B97F4A7C15L) ^ (index * 0xC2B2AE3D27D4EB4FL));
    }

    // ---- decisions

    Call decision(int index) {
        Random r = random(index, 1);
        ObjectNode application = template.deepCopy();
        application.put("applicationId", "FZ-" + index);
        application.put("market", market);
        ((ObjectNode) application.get("applicant")).put("customerId", "C-FZ-" + index);
        ((ObjectNode) application.get("device")).put("fingerprint", "d-fz-" + index);

        List<String> applied = new ArrayList<>();
        Map<String, String> raw = new LinkedHashMap<>();
        int mutations = r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(3);
        byte[] body = null;
        for (int m = 0; m < mutations && body == null; m++) {
            // Weighted: most mutations keep the body small; a few make it huge.
            int roll = r.nextInt(100);
            int kind = roll < 15
                    ? 0
                    : roll < 30
                            ? 1
                            : roll < 33
                                    ? 2
                                    : roll < 40
                                            ? 3
                                            : roll < 52
                                                    ? 4
                                                    : roll < 64
                                                            ? 5
                                                            : roll < 69
                                                                    ? 6
                                                                    : roll < 73
                                                                            ? 7
                                                                            : roll < 77
                                                                                    ? 8
                                                                                    : roll < 81
                                                                                            ? 9
                                                                                            : roll < 85
                                                                                                    ? 10
                                                                                                    : roll < 89
                                                                                                            ? 11
                                                                                                            : roll < 90
                                                                                                                    ? 12
                                                                                                                    : 13;
            switch (kind) {
                case 0 -> applied.add("drop " + remove(application, randomField(r, application)));
                case 1 -> {
                    String path = randomField(r, application);
                    set(application, path, randomValue(r, 0));
                    applied.add("swap type of " + path);
                }
                case 2 -> {
                    String path = randomField(r, application);
                    int length = pick(r, List.of(300, 5_000, 60_000, 270_000));
                    set(application, path, JsonNodeFactory.instance.stringNode(randomText(r, length)));
                    applied.add("string of " + length + " at " + path);
                }
                case 3 -> {
                    String path = randomField(r, application);
                    int depth = pick(r, List.of(10, 100, 499, 501, 5_000));
                    applied.add("nesting " + depth + " at " + path);
                    raw.put(marker(raw.size()), nested(r, depth));
                    set(application, path, JsonNodeFactory.instance.stringNode(marker(raw.size() - 1)));
                }
                case 4 -> {
                    String path = pick(
                            r,
                            List.of(
                                    "applicationId",
                                    "applicant.customerId",
                                    "device.fingerprint",
                                    "loan.purpose",
                                    "market",
                                    "product",
                                    "loan.currency",
                                    "locale"));
                    String odd = oddUnicode(r);
                    applied.add("odd unicode at " + path);
                    raw.put(marker(raw.size()), "\"" + odd + "\"");
                    set(application, path, JsonNodeFactory.instance.stringNode(marker(raw.size() - 1)));
                }
                case 5 -> {
                    String path = pick(
                            r,
                            List.of(
                                    "applicant.age",
                                    "applicant.monthlyIncome",
                                    "loan.amount",
                                    "loan.termMonths",
                                    "bureau.score",
                                    "bureau.monthlyDebtPayments",
                                    "applicant.dependents",
                                    "bureau.openLoans"));
                    String number = pick(r, RAW_NUMBERS);
                    applied.add("number " + abbreviate(number) + " at " + path);
                    raw.put(marker(raw.size()), number);
                    set(application, path, JsonNodeFactory.instance.stringNode(marker(raw.size() - 1)));
                }
                case 6 -> {
                    applied.add("duplicate field");
                    raw.put(
                            "{",
                            "{\"" + pick(r, List.of("market", "applicationId", "loan", "applicant")) + "\": "
                                    + pick(r, List.of("\"IN\"", "\"FZ-dup\"", "null", "{}", "1")) + ", ");
                }
                case 7 -> {
                    applied.add("random bytes");
                    body = randomBytes(r, r.nextInt(3_000));
                }
                case 8 -> {
                    applied.add("truncated");
                    byte[] whole = serialize(application, raw);
                    body = java.util.Arrays.copyOf(whole, r.nextInt(Math.max(1, whole.length)));
                }
                case 9 -> {
                    applied.add("not an object");
                    body = pick(
                                    r,
                                    List.of(
                                            "null",
                                            "[]",
                                            "\"x\"",
                                            "42",
                                            "",
                                            " ",
                                            "[{}]",
                                            "{}",
                                            "{\"applicationId\":",
                                            "}{",
                                            "{} {}",
                                            "\u0000"))
                            .getBytes(StandardCharsets.UTF_8);
                }
                case 10 -> {
                    applied.add("trailing garbage");
                    byte[] whole = serialize(application, raw);
                    body = concat(
                            whole,
                            pick(r, List.of("}", "]]", "x", "{}", ",", "\u0000", "/*", "\uFFFF"))
                                    .getBytes(StandardCharsets.UTF_8));
                }
                case 11 -> {
                    applied.add("invalid UTF-8");
                    byte[] whole = serialize(application, raw);
                    int at = Math.max(1, r.nextInt(Math.max(2, whole.length - 1)));
                    byte[] bad = pick(
                            r,
                            List.of(
                                    new byte[] {(byte) 0xC3, 0x28},
                                    new byte[] {(byte) 0xFF},
                                    new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                                    new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80}));
                    body = concat(
                            concat(java.util.Arrays.copyOf(whole, at), bad),
                            java.util.Arrays.copyOfRange(whole, at, whole.length));
                }
                case 12 -> {
                    int size = pick(r, List.of(270_000, 600_000));
                    applied.add("body of " + size + " bytes");
                    application.put("padding", "p".repeat(size));
                }
                default -> {
                    applied.add("unknown and wrong-case fields");
                    application.set(
                            pick(r, List.of("Market", "APPLICATIONID", "extra", "__proto__", "constructor")),
                            randomValue(r, 1));
                }
            }
        }
        if (body == null) body = serialize(application, raw);

        Map<String, String> headers = new LinkedHashMap<>();
        int credentials = r.nextInt(100);
        if (credentials < 3) applied.add("no credentials");
        else if (credentials < 5)
            headers.put("X-Api-Key", pick(r, List.of("wrong-key", "", " ", "\u00e9t\u00e9", apiKey + "x")));
        else if (credentials < 6) headers.putAll(header(roles.get("analyst")));
        else headers.put("X-Api-Key", apiKey);
        if (credentials < 5 && credentials >= 3) applied.add("wrong key");
        if (credentials == 5) applied.add("a person's credentials");
        headers.put("Content-Type", r.nextInt(4) == 0 ? pick(r, CONTENT_TYPES) : "application/json");
        boolean chunked = r.nextInt(5) == 0;
        boolean twice = r.nextInt(20) == 0;
        String what = "decision #" + index + " " + (applied.isEmpty() ? "unchanged" : String.join(", ", applied))
                + (chunked ? " [chunked]" : "") + " [" + headers.get("Content-Type") + "]";
        return new Call(
                what, "POST", "/api/v1/decisions".getBytes(StandardCharsets.ISO_8859_1), headers, body, chunked, twice);
    }

    // ---- management

    Call management(int index) {
        Random r = random(index, 2);
        Endpoint endpoint = pick(r, endpoints);
        String role = pick(r, List.copyOf(roles.keySet()));
        StringBuilder description = new StringBuilder(
                "management #" + index + " " + endpoint.method() + " " + endpoint.template() + " as " + role);
        java.io.ByteArrayOutputStream target = new java.io.ByteArrayOutputStream();
        String[] segments = endpoint.template().split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) target.write('/');
            String segment = segments[i];
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String value =
                        r.nextInt(6) == 0 ? "A".repeat(pick(r, List.of(300, 2_000, 7_000, 12_000))) : pick(r, HOSTILE);
                byte[] encoded = pathSegment(r, value);
                description
                        .append(" ")
                        .append(segment)
                        .append("=")
                        .append(abbreviate(new String(encoded, StandardCharsets.ISO_8859_1)));
                target.writeBytes(encoded);
            } else {
                target.writeBytes(segment.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        if (r.nextInt(3) == 0) {
            String query = pick(r, QUERIES);
            target.writeBytes(query.getBytes(StandardCharsets.ISO_8859_1));
            description.append(" ").append(abbreviate(query));
        }

        Map<String, String> headers = new LinkedHashMap<>(header(roles.get(role)));
        byte[] body = null;
        boolean chunked = false;
        if (!endpoint.method().equals("GET")) {
            int kind = r.nextInt(20);
            if (kind < 11) {
                body = Json.MAPPER.writeValueAsBytes(randomObject(r, 0));
                description.append(" random JSON");
            } else if (kind < 13) {
                body = ("{\"" + pick(r, KEYS) + "\": " + pick(r, RAW_NUMBERS) + "}").getBytes(StandardCharsets.UTF_8);
                description.append(" raw number");
            } else if (kind < 15) {
                body = randomBytes(r, r.nextInt(2_000));
                description.append(" random bytes");
            } else if (kind < 16) {
                body = nested(r, pick(r, List.of(100, 501, 3_000))).getBytes(StandardCharsets.UTF_8);
                description.append(" deep nesting");
            } else if (kind < 17) {
                int size = pick(r, List.of(1_100_000, 1_700_000));
                body = ("{\"note\": \"" + "n".repeat(size) + "\"}").getBytes(StandardCharsets.UTF_8);
                description.append(" body of ").append(size).append(" bytes");
            } else if (kind < 18) {
                body = new byte[0];
                description.append(" empty body");
            } else {
                description.append(" no body");
            }
            if (body != null) {
                headers.put("Content-Type", r.nextInt(4) == 0 ? pick(r, CONTENT_TYPES) : "application/json");
                description.append(" [").append(headers.get("Content-Type")).append("]");
                chunked = r.nextInt(5) == 0;
            }
        } else if (r.nextInt(10) == 0) {
            headers.put("Accept", pick(r, List.of("garbage", "image/png", "text/html", "application/xml", "*/*;q=x")));
            description.append(" Accept: ").append(headers.get("Accept"));
        }
        return new Call(description.toString(), endpoint.method(), target.toByteArray(), headers, body, chunked, false);
    }

    // ---- helpers

    /** Sometimes the raw bytes (which may not be a valid request target), else percent-encoded. */
    private static byte[] pathSegment(Random r, String value) {
        boolean printable = value.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        if (value.contains("%") || (printable && r.nextBoolean())) return value.getBytes(StandardCharsets.UTF_8);
        if (!value.contains("\r") && !value.contains("\n") && r.nextInt(4) == 0)
            return value.getBytes(StandardCharsets.UTF_8);
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Map<String, String> header(Credentials credentials) {
        return credentials.header() == null ? Map.of() : Map.of(credentials.header(), credentials.value());
    }

    private static String marker(int n) {
        return "@@RAW" + n + "@@";
    }

    /** Jackson's bytes, with the markers replaced by raw JSON text Jackson would never write. */
    private static byte[] serialize(ObjectNode application, Map<String, String> raw) {
        String text = new String(Json.MAPPER.writeValueAsBytes(application), StandardCharsets.UTF_8);
        for (var entry : raw.entrySet()) {
            if (entry.getKey().equals("{")) text = "{" + entry.getValue() + text.substring(1);
            else text = text.replace("\"" + entry.getKey() + "\"", entry.getValue());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String randomField(Random r, ObjectNode root) {
        List<String> paths = new ArrayList<>();
        root.properties().forEach(e -> {
            paths.add(e.getKey());
            if (e.getValue() instanceof ObjectNode child) {
                child.properties().forEach(c -> paths.add(e.getKey() + "." + c.getKey()));
            }
        });
        return paths.isEmpty() ? "applicationId" : pick(r, paths);
    }

    private static String remove(ObjectNode root, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) root.remove(path);
        else if (root.get(path.substring(0, dot)) instanceof ObjectNode parent) parent.remove(path.substring(dot + 1));
        return path;
    }

    private static void set(ObjectNode root, String path, JsonNode value) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            root.set(path, value);
        } else if (root.get(path.substring(0, dot)) instanceof ObjectNode parent) {
            parent.set(path.substring(dot + 1), value);
        } else {
            root.set(path.substring(0, dot), value);
        }
    }

    private static JsonNode randomValue(Random r, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (r.nextInt(depth > 2 ? 6 : 8)) {
            case 0 -> f.stringNode(r.nextBoolean() ? pick(r, HOSTILE) : randomText(r, r.nextInt(40)));
            case 1 -> f.numberNode(r.nextInt());
            case 2 ->
                f.numberNode(pick(
                        r,
                        List.of(
                                new BigDecimal("1e308"),
                                new BigDecimal("-0.0"),
                                new BigDecimal("0.1"),
                                new BigDecimal("123456789012345678901234567890.5"))));
            case 3 -> f.numberNode(new BigInteger(200, r));
            case 4 -> f.booleanNode(r.nextBoolean());
            case 5 -> f.nullNode();
            case 6 -> {
                ArrayNode array = f.arrayNode();
                for (int i = r.nextInt(4); i > 0; i--) array.add(randomValue(r, depth + 1));
                yield array;
            }
            default -> randomObject(r, depth + 1);
        };
    }

    private static ObjectNode randomObject(Random r, int depth) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (int i = r.nextInt(6); i > 0; i--) {
            object.set(r.nextInt(5) == 0 ? randomText(r, 1 + r.nextInt(10)) : pick(r, KEYS), randomValue(r, depth));
        }
        return object;
    }

    private static String nested(Random r, int depth) {
        boolean arrays = r.nextBoolean();
        StringBuilder text = new StringBuilder(depth * 8);
        for (int i = 0; i < depth; i++) text.append(arrays ? "[" : "{\"a\":");
        text.append("1");
        for (int i = 0; i < depth; i++) text.append(arrays ? "]" : "}");
        return text.toString();
    }

    /** JSON string content (already escaped) with surrogate halves, direction overrides, NUL and friends. */
    private static String oddUnicode(Random r) {
        StringBuilder text = new StringBuilder("A");
        for (int i = 1 + r.nextInt(6); i > 0; i--) {
            text.append(pick(
                    r,
                    List.of(
                            "\\ud800",
                            "\\udfff",
                            "\\ud83d\\ude00",
                            "\\ude00\\ud83d",
                            "\\u202e",
                            "\\u202d",
                            "\\u200b",
                            "\\u200d",
                            "\\ufeff",
                            "\\u0000",
                            "\\u0007",
                            "\\u001b[31m",
                            "\\uffff",
                            "\\ufffe",
                            "e\\u0301\\u0301\\u0301",
                            "\u202e",
                            "\u200b",
                            "\uD83D\uDE00",
                            "\u0645\u0631\u062d\u0628\u0627",
                            "\\\\",
                            "\\\"",
                            "\\/",
                            "\\n",
                            "\\t")));
        }
        return text.toString();
    }

    /** Random characters (control, surrogate halves, anything); long texts repeat a random stretch. */
    private static String randomText(Random r, int length) {
        if (length > 256) return randomText(r, 256).repeat(length / 256 + 1).substring(0, length);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(
                    switch (r.nextInt(8)) {
                        case 0 -> (char) r.nextInt(0x20);
                        case 1 -> (char) (0xD800 + r.nextInt(0x800));
                        case 2 -> (char) r.nextInt(0xFFFF);
                        default -> (char) (0x20 + r.nextInt(0x5F));
                    });
        }
        return text.toString();
    }

    private static byte[] randomBytes(Random r, int length) {
        byte[] bytes = new byte[length];
        r.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "…(" + text.length() + ")";
    }

    private static <T> T pick(Random r, List<T> options) {
        return options.get(r.nextInt(options.size()));
    }
}
