package io.credence.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The names a scorecard's input fields may have: the request's JSON paths and the engine's derived
 * features, so a scorecard trained elsewhere on those columns runs as it is.
 */
public final class ScorecardFields {

    private static final Map<String, Function<ApplicationFacts, Object>> FIELDS;

    static {
        Map<String, Function<ApplicationFacts, Object>> f = new LinkedHashMap<>();
        f.put("product", facts -> facts.application().getProduct());
        f.put("channel", facts -> facts.application().getChannel());
        f.put("applicant.age", facts -> facts.applicant().getAge());
        f.put("applicant.monthlyIncome", facts -> facts.applicant().getMonthlyIncome());
        f.put("applicant.employmentStatus", facts -> facts.applicant().getEmploymentStatus());
        f.put("applicant.employmentMonths", facts -> facts.applicant().getEmploymentMonths());
        f.put("applicant.residentialStatus", facts -> facts.applicant().getResidentialStatus());
        f.put("applicant.dependents", facts -> facts.applicant().getDependents());
        f.put("applicant.kycVerified", facts -> facts.applicant().isKycVerified());
        f.put("loan.amount", facts -> facts.loan().getAmount());
        f.put("loan.termMonths", facts -> facts.loan().getTermMonths());
        f.put("loan.purpose", facts -> facts.loan().getPurpose());
        f.put("bureau.score", facts -> facts.bureau().getScore());
        f.put("bureau.historyMonths", facts -> facts.bureau().getHistoryMonths());
        f.put("bureau.delinquencies12m", facts -> facts.bureau().getDelinquencies12m());
        f.put("bureau.openLoans", facts -> facts.bureau().getOpenLoans());
        f.put("bureau.inquiries6m", facts -> facts.bureau().getInquiries6m());
        f.put("bureau.monthlyDebtPayments", facts -> facts.bureau().getMonthlyDebtPayments());
        f.put("device.ipCountry", facts -> facts.device().getIpCountry());
        f.put("features.monthlyInstalment", facts -> facts.features().getMonthlyInstalment());
        f.put("features.existingDebtToIncome", facts -> facts.features().getExistingDebtToIncome());
        f.put("features.debtToIncome", facts -> facts.features().getDebtToIncome());
        f.put("features.loanToIncome", facts -> facts.features().getLoanToIncome());
        f.put("features.instalmentToIncome", facts -> facts.features().getInstalmentToIncome());
        f.put("velocity.deviceApplications24h", facts -> facts.velocity().getDeviceApplications24h());
        f.put("velocity.customerApplications30d", facts -> facts.velocity().getCustomerApplications30d());
        FIELDS = Collections.unmodifiableMap(f);
    }

    private ScorecardFields() {}

    public static Set<String> names() {
        return FIELDS.keySet();
    }

    /** Text fields of the vocabulary; kycVerified is the one yes/no; every other field is a number. */
    private static final Set<String> TEXT = Set.of(
            "product",
            "channel",
            "applicant.employmentStatus",
            "applicant.residentialStatus",
            "loan.purpose",
            "device.ipCountry");

    /**
     * The kind of value a vocabulary name holds, {@code number}, {@code text} or {@code boolean}, for
     * checking it against a model input's PMML data type; null for a name that is not in the vocabulary.
     */
    public static String type(String name) {
        if (!FIELDS.containsKey(name)) return null;
        if (TEXT.contains(name)) return "text";
        return name.equals("applicant.kycVerified") ? "boolean" : "number";
    }

    static boolean isKnown(String name) {
        return FIELDS.containsKey(name);
    }

    static Object value(String name, ApplicationFacts facts) {
        return FIELDS.get(name).apply(facts);
    }
}
