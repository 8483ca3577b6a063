package io.credence.benchmark;

import io.credence.engine.Enrichment;
import io.credence.engine.LoanApplication;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The seed IN policy (rules/IN and pmml-models/IN, version 1) written by hand as plain if/else: the
 * yardstick for what the rule engine and the PMML evaluator cost. It computes the same features,
 * scorecard points, reasons and price, but none of what makes a policy editable, versioned and
 * explainable (rules fired, localised messages, time budget).
 */
final class HandWrittenIndiaPolicy {

    private static final double REFERENCE_APR = 0.16;
    private static final double MIN_AMOUNT = 10_000;
    private static final double MAX_AMOUNT = 2_500_000;

    record Result(String outcome, int score, List<String> reasons, Double approvedAmount, Double apr) {}

    private record Points(String reasonCode, double baseline, double partial) {}

    Result decide(LoanApplication request, Enrichment enrichment) {
        LoanApplication.Applicant a = request.applicant();
        LoanApplication.Loan loan = request.loan();
        LoanApplication.Bureau bureau = request.bureau();
        double income = a.monthlyIncome().doubleValue();
        double amount = loan.amount().doubleValue();
        int term = loan.termMonths();
        Integer bureauScore = bureau == null ? null : bureau.score();
        Double debts = bureau == null || bureau.monthlyDebtPayments() == null
                ? null
                : bureau.monthlyDebtPayments().doubleValue();
        double existing = debts == null ? 0 : debts;
        double instalment = annuity(amount, REFERENCE_APR, term);
        double debtToIncome = ratio(existing + instalment, income);
        double existingDebtToIncome = ratio(existing, income);
        double loanToIncome = ratio(amount, income * 12);

        List<String> reasons = new ArrayList<>();
        boolean declined = false;
        boolean referred = false;

        // fraud
        for (Enrichment.ListHit hit : enrichment.listMatches()) {
            declined = true;
            reasons.add(hit.list().equals("CUSTOMER") ? "FR_CUSTOMER_LISTED" : "FR_DEVICE_LISTED");
        }
        if (enrichment.deviceApplications24h() > 3) {
            declined = true;
            reasons.add("FR_DEVICE_VELOCITY");
        }
        if (enrichment.customerApplications30d() > 5) {
            referred = true;
            reasons.add("FR_MULTI_LENDING");
        }
        String country = request.device() == null ? null : request.device().ipCountry();
        if (country != null && !country.equals("IN")) {
            referred = true;
            reasons.add("FR_IP_COUNTRY");
        }
        if (a.employmentMonths() != null && a.employmentMonths() > (a.age() - 15) * 12) {
            referred = true;
            reasons.add("FR_INCONSISTENT_APPLICATION");
        }
        boolean declinedByFraud = declined;

        // scorecard
        List<Points> points = scorecard(bureau, a, debtToIncome);
        double score = points.stream().mapToDouble(Points::partial).sum();

        boolean approved = false;
        if (!declined) {
            if (a.age() < 18) {
                declined = true;
                reasons.add("AP_UNDERAGE");
            }
            if (!Boolean.TRUE.equals(a.kycVerified())) {
                declined = true;
                reasons.add("AP_KYC_NOT_VERIFIED");
            }
            String employment = a.employmentStatus();
            if (employment.equals("UNEMPLOYED") || employment.equals("STUDENT") || income <= 0) {
                declined = true;
                reasons.add("AP_NO_INCOME");
            }
            if (income > 0 && income < 15_000) {
                declined = true;
                reasons.add("AP_INCOME_BELOW_MINIMUM");
            }
            if (term < 3 || term > 60) {
                declined = true;
                reasons.add("AP_TERM_OUT_OF_RANGE");
            }
            if (amount < MIN_AMOUNT || amount > MAX_AMOUNT) {
                declined = true;
                reasons.add("AP_AMOUNT_OUT_OF_RANGE");
            }
            if (bureau != null && bureau.delinquencies12m() != null && bureau.delinquencies12m() >= 3) {
                declined = true;
                reasons.add("AP_DELINQUENCIES");
            }
            if (bureauScore != null && bureauScore < 600) {
                declined = true;
                reasons.add("AP_LOW_BUREAU_SCORE");
            }
            if (score < 420) {
                declined = true;
                reasons.add("AP_LOW_SCORE");
            }
            if (debtToIncome > 0.6 || existingDebtToIncome >= 0.5) {
                declined = true;
                addOnce(reasons, "AP_DEBT_TO_INCOME");
            }
            if (loanToIncome > 2.0) {
                declined = true;
                reasons.add("AP_LOAN_TO_INCOME");
            }
            if (bureauScore == null) {
                referred = true;
                reasons.add("AP_THIN_FILE");
            }
            if (score >= 420 && score < 500) {
                referred = true;
                reasons.add("AP_BORDERLINE_SCORE");
            }
            if (score >= 500) approved = true;
        }

        String outcome = declined ? "DECLINE" : referred ? "REFER" : approved ? "APPROVE" : "REFER";
        if (!declined && !referred && !approved) reasons.add("EN_NO_DECISION");
        Double approvedAmount = null;
        Double apr = null;
        if (outcome.equals("APPROVE")) {
            apr = score >= 700 ? 0.119 : score >= 600 ? 0.169 : 0.229;
            double room = Math.max(0, income * 0.5 - existing);
            double r = apr / 12;
            double affordable = Math.floor(room * (1 - Math.pow(1 + r, -term)) / r / 1000) * 1000;
            double granted = Math.min(amount, MAX_AMOUNT);
            if (affordable < granted) {
                granted = affordable;
                reasons.add("PR_AMOUNT_REDUCED");
            }
            if (granted < MIN_AMOUNT) {
                outcome = "REFER";
                apr = null;
                reasons.add("EN_AMOUNT_BELOW_MINIMUM");
            } else {
                approvedAmount = Math.floor(granted);
            }
        }
        if (!declinedByFraud) {
            points.stream()
                    .filter(p -> p.partial() < p.baseline())
                    .sorted(Comparator.comparingDouble((Points p) -> p.partial() - p.baseline()))
                    .limit(3)
                    .forEach(p -> addOnce(reasons, p.reasonCode()));
        }
        return new Result(outcome, (int) Math.round(score), reasons, approvedAmount, apr);
    }

    /** pmml-models/IN/scorecard.pmml, characteristic by characteristic. */
    private static List<Points> scorecard(
            LoanApplication.Bureau bureau, LoanApplication.Applicant a, double debtToIncome) {
        Integer score = bureau == null ? null : bureau.score();
        Integer delinquencies = bureau == null ? null : bureau.delinquencies12m();
        Integer inquiries = bureau == null ? null : bureau.inquiries6m();
        Integer history = bureau == null ? null : bureau.historyMonths();
        Integer months = a.employmentMonths();
        String residence = a.residentialStatus();
        String employment = a.employmentStatus();
        return List.of(
                new Points(
                        "SC_BUREAU_SCORE",
                        219,
                        score == null
                                ? 110
                                : score < 600
                                        ? 40
                                        : score < 650
                                                ? 110
                                                : score < 700 ? 170 : score < 750 ? 220 : score < 800 ? 260 : 300),
                new Points(
                        "SC_DEBT_TO_INCOME",
                        109,
                        debtToIncome < 0.2 ? 130 : debtToIncome < 0.35 ? 110 : debtToIncome < 0.5 ? 70 : 20),
                new Points("SC_EMPLOYMENT_TENURE", 44, months == null ? 30 : months < 6 ? 20 : months < 24 ? 45 : 70),
                new Points(
                        "SC_DELINQUENCY",
                        94,
                        delinquencies == null ? 95 : delinquencies <= 0 ? 100 : delinquencies <= 1 ? 50 : 0),
                new Points("SC_INQUIRIES", 44, inquiries == null ? 45 : inquiries <= 1 ? 60 : inquiries <= 3 ? 45 : 10),
                new Points("SC_CREDIT_HISTORY", 34, history == null ? 20 : history < 12 ? 20 : history < 36 ? 35 : 50),
                new Points(
                        "SC_RESIDENCE",
                        29,
                        residence == null
                                ? 20
                                : switch (residence) {
                                    case "OWNER" -> 45;
                                    case "FAMILY" -> 35;
                                    case "RENTER" -> 30;
                                    default -> 20;
                                }),
                new Points(
                        "SC_EMPLOYMENT_TYPE",
                        34,
                        employment == null
                                ? 0
                                : switch (employment) {
                                    case "SALARIED" -> 50;
                                    case "RETIRED" -> 40;
                                    case "SELF_EMPLOYED" -> 35;
                                    default -> 0;
                                }));
    }

    private static void addOnce(List<String> reasons, String code) {
        if (!reasons.contains(code)) reasons.add(code);
    }

    private static double annuity(double principal, double annualRate, int months) {
        double r = annualRate / 12;
        return principal * r / (1 - Math.pow(1 + r, -months));
    }

    private static double ratio(double numerator, double denominator) {
        if (denominator <= 0) return numerator > 0 ? 99 : 0;
        return Math.min(99, Math.round(numerator / denominator * 10_000) / 10_000.0);
    }
}
