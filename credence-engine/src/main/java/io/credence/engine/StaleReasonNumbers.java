package io.credence.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Warns when a change moves a number a reason message still states: raising the minimum age to 21 while
 * the applicant is told "menor de 18 años". A warning, not an error: the number may be a coincidence, and
 * only the analyst can say; the fix it suggests is to name the parameter, {minimumAge}, in the message.
 */
public final class StaleReasonNumbers {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern RULE =
            Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"(.*?)^\\s*end\\b", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("\\b(?:decline|refer|addReason)\\s*\\(\\s*\"([A-Za-z0-9_]+)\"");
    private static final Pattern PARAM = Pattern.compile("\\bparam\\s*\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern RULE_NUMBER = Pattern.compile("(?<![\\w.$])\\d+(?:\\.\\d+)?(?![\\w.])");
    private static final Pattern MESSAGE_NUMBER = Pattern.compile("(?<![\\w{])\\d+(?:[.,]\\d+)*");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(?:([.,])\\d{3})(?:\\1\\d{3})*");
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

    private StaleReasonNumbers() {}

    /** Warnings on reasons.json of {@code after}, for rules that changed since {@code before}. */
    public static List<ArtifactError> find(Map<String, String> before, Map<String, String> after) {
        String reasons = after.get(PolicyPackage.REASONS);
        if (reasons == null) return List.of();
        Map<String, Map<String, String>> catalogs = catalogs(reasons);
        Map<String, BigDecimal> oldParams = values(before.get(PolicyPackage.SETTINGS));
        Map<String, BigDecimal> newParams = values(after.get(PolicyPackage.SETTINGS));
        List<ArtifactError> warnings = new ArrayList<>();
        for (String stage : PolicyCompiler.STAGES) {
            Map<String, String> oldRules = rules(before.get(stage + ".drl"));
            Map<String, String> newRules = rules(after.get(stage + ".drl"));
            for (Map.Entry<String, String> rule : newRules.entrySet()) {
                String was = oldRules.get(rule.getKey());
                if (was == null) continue;
                Set<BigDecimal> oldNumbers = numbers(was, oldParams);
                Set<BigDecimal> newNumbers = numbers(rule.getValue(), newParams);
                Set<BigDecimal> gone = new LinkedHashSet<>(oldNumbers);
                gone.removeIf(n -> newNumbers.stream().anyMatch(m -> m.compareTo(n) == 0));
                if (gone.isEmpty()) continue;
                Set<BigDecimal> added = new LinkedHashSet<>(newNumbers);
                added.removeIf(n -> oldNumbers.stream().anyMatch(m -> m.compareTo(n) == 0));
                Matcher code = CODE.matcher(rule.getValue());
                Set<String> codes = new LinkedHashSet<>();
                while (code.find()) codes.add(code.group(1));
                for (String c : codes) {
                    for (var catalog : catalogs.entrySet()) {
                        String message = catalog.getValue().get(c);
                        if (message == null) continue;
                        String stated = stated(message, gone);
                        if (stated == null) continue;
                        MarketParameters.Location at = MarketParameters.locate(reasons, List.of(catalog.getKey(), c));
                        warnings.add(
                                new ArtifactError(
                                        PolicyPackage.REASONS,
                                        at == null ? null : at.line(),
                                        at == null ? null : at.column(),
                                        catalog.getKey() + " message for " + c + " says "
                                                + stated + ", but rule \"" + rule.getKey() + "\" (" + stage
                                                + ".drl) no longer uses "
                                                + stated + (added.isEmpty() ? "" : "; it now uses " + plain(added))
                                                + ". Write the parameter's name in braces, e.g. {minimumAge}, so the message follows the policy"));
                    }
                }
            }
        }
        return warnings;
    }

    private static String plain(Set<BigDecimal> numbers) {
        return String.join(
                ", ",
                numbers.stream()
                        .map(n -> n.stripTrailingZeros().toPlainString())
                        .toList());
    }

    /** The number a message states that is among {@code gone} (40 % counting as 0.4), or null. */
    private static String stated(String message, Set<BigDecimal> gone) {
        Matcher number = MESSAGE_NUMBER.matcher(
                ReasonTemplates.PLACEHOLDER.matcher(message).replaceAll(" "));
        while (number.find()) {
            BigDecimal value = messageNumber(number.group());
            if (value == null) continue;
            for (BigDecimal g : gone) {
                if (g.compareTo(value) == 0 || g.movePointRight(2).compareTo(value) == 0) return number.group();
            }
        }
        return null;
    }

    private static BigDecimal messageNumber(String token) {
        try {
            if (GROUPED.matcher(token).matches()) return new BigDecimal(token.replaceAll("[.,]", ""));
            return new BigDecimal(token.replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Literal numbers in a rule, and the values of the parameters it reads. */
    private static Set<BigDecimal> numbers(String rule, Map<String, BigDecimal> parameters) {
        String code = COMMENT.matcher(rule).replaceAll(" ");
        Set<BigDecimal> numbers = new LinkedHashSet<>();
        Matcher literal = RULE_NUMBER.matcher(code.replaceAll("\"[^\"]*\"", "\"\""));
        while (literal.find()) numbers.add(new BigDecimal(literal.group()));
        Matcher param = PARAM.matcher(code);
        while (param.find()) {
            BigDecimal value = parameters.get(param.group(1));
            if (value != null) numbers.add(value);
        }
        return numbers;
    }

    private static Map<String, String> rules(String drl) {
        Map<String, String> rules = new LinkedHashMap<>();
        if (drl == null) return rules;
        Matcher rule = RULE.matcher(drl);
        while (rule.find()) rules.put(rule.group(1), rule.group(2));
        return rules;
    }

    private static Map<String, BigDecimal> values(String marketJson) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        if (marketJson == null) return values;
        for (MarketParameter p : MarketParameters.parse(marketJson).parameters()) {
            if (p.type() != MarketParameter.Type.DATE) values.put(p.name(), p.value());
        }
        return values;
    }

    private static Map<String, Map<String, String>> catalogs(String reasons) {
        Map<String, Map<String, String>> catalogs = new LinkedHashMap<>();
        try {
            JsonNode root = JSON.readTree(reasons);
            if (root == null || !root.isObject()) return catalogs;
            for (var locale : root.properties()) {
                if (!locale.getValue().isObject()) continue;
                Map<String, String> messages = new LinkedHashMap<>();
                for (var message : locale.getValue().properties()) {
                    if (message.getValue().isString())
                        messages.put(message.getKey(), message.getValue().asString());
                }
                catalogs.put(locale.getKey(), messages);
            }
        } catch (JacksonException e) {
            // reasons.json that does not parse has errors of its own; there is nothing to warn about yet
            return catalogs;
        }
        return catalogs;
    }
}
