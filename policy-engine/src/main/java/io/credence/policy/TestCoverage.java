package io.credence.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which rules no test case fires: a rule nothing exercises can be changed, or broken, without any case
 * noticing. Read from the rules' text and the cases' results, so it needs no compile.
 */
public final class TestCoverage {

    private static final List<String> STAGES = List.of("fraud", "approval", "pricing");
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");

    private TestCoverage() {}

    /** "stage: rule name" of every rule no case fired, in the order the package declares them. */
    public static List<String> uncovered(Map<String, String> artifacts, List<TestCaseResult> results) {
        Set<String> fired = new HashSet<>();
        if (results != null) {
            for (TestCaseResult result : results) {
                if (result.rulesFired() != null) fired.addAll(result.rulesFired());
            }
        }
        List<String> uncovered = new ArrayList<>();
        for (String stage : STAGES) {
            String drl = artifacts.get(stage + ".drl");
            if (drl == null) continue;
            Matcher rule = RULE.matcher(COMMENT.matcher(drl).replaceAll(" "));
            while (rule.find()) {
                String name =
                        rule.group(1) != null ? rule.group(1) : rule.group(2) != null ? rule.group(2) : rule.group(3);
                String qualified = stage + ": " + name;
                if (!fired.contains(qualified)) uncovered.add(qualified);
            }
        }
        return uncovered;
    }
}
