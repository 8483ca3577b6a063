package io.credence.engine;

import java.util.Map;

/** Reason codes the engine itself gives, with English defaults a market may translate. */
public final class EngineReasons {
    public static final String NO_DECISION = "EN_NO_DECISION";
    public static final String POLICY_FAULT = "EN_POLICY_FAULT";
    public static final String TIME_BUDGET = "EN_TIME_BUDGET";
    public static final String NOT_PRICED = "EN_NOT_PRICED";
    public static final String APR_ABOVE_CAP = "EN_APR_ABOVE_CAP";
    public static final String AMOUNT_BELOW_MINIMUM = "EN_AMOUNT_BELOW_MINIMUM";

    private static final Map<String, String> MESSAGES = Map.of(
            NO_DECISION, "No policy rule reached a decision; referred for manual review.",
            POLICY_FAULT, "The policy could not complete the assessment; referred for manual review.",
            TIME_BUDGET, "The assessment took too long; referred for manual review.",
            NOT_PRICED, "No price could be set for this application; referred for manual review.",
            APR_ABOVE_CAP, "The risk-based rate would exceed the market's rate cap; referred for manual review.",
            AMOUNT_BELOW_MINIMUM, "The affordable amount is below the minimum loan; referred for manual review.");

    private EngineReasons() {}

    public static Iterable<String> codes() {
        return MESSAGES.keySet();
    }

    static String defaultMessage(String code) {
        return MESSAGES.getOrDefault(code, code);
    }
}
