package io.credence.engine;

import io.credence.vocabulary.Applicant;
import io.credence.vocabulary.Application;
import io.credence.vocabulary.Bureau;
import io.credence.vocabulary.Device;
import io.credence.vocabulary.Features;
import io.credence.vocabulary.ListMatch;
import io.credence.vocabulary.Loan;
import io.credence.vocabulary.Velocity;
import java.math.BigDecimal;
import java.util.List;

/** A validated application turned into the immutable facts rules see, with derived features. */
record ApplicationFacts(
        Application application,
        Applicant applicant,
        Loan loan,
        Bureau bureau,
        Device device,
        Features features,
        Velocity velocity,
        List<ListMatch> listMatches) {

    static ApplicationFacts of(LoanApplication request, Enrichment enrichment, MarketSettings settings) {
        LoanApplication.Applicant a = request.applicant();
        LoanApplication.Loan l = request.loan();
        LoanApplication.Bureau b = request.bureau();
        LoanApplication.Device d = request.device();

        double income = a.monthlyIncome().doubleValue();
        double amount = l.amount().doubleValue();
        int term = l.termMonths();
        Double debtPayments = b == null ? null : toDouble(b.monthlyDebtPayments());

        Applicant applicant = new Applicant(
                a.customerId(),
                a.age(),
                income,
                a.employmentStatus(),
                a.employmentMonths(),
                a.residentialStatus(),
                a.dependents(),
                Boolean.TRUE.equals(a.kycVerified()));
        Loan loan = new Loan(amount, l.currency(), term, l.purpose());
        Bureau bureau = b == null
                ? new Bureau(null, null, null, null, null, null)
                : new Bureau(
                        b.score(),
                        b.historyMonths(),
                        b.delinquencies12m(),
                        b.openLoans(),
                        b.inquiries6m(),
                        debtPayments);
        Device device = d == null ? new Device(null, null) : new Device(d.fingerprint(), d.ipCountry());

        double instalment = annuity(amount, settings.referenceApr(), term);
        double existing = debtPayments == null ? 0 : debtPayments;
        Features features = new Features(
                round2(instalment),
                ratio(existing, income),
                ratio(existing + instalment, income),
                ratio(amount, income * 12),
                ratio(instalment, income));

        List<ListMatch> matches = enrichment.listMatches().stream()
                .map(hit -> new ListMatch(hit.list(), hit.reason()))
                .toList();
        return new ApplicationFacts(
                new Application(request.applicationId(), request.market(), request.product(), request.channel()),
                applicant,
                loan,
                bureau,
                device,
                features,
                new Velocity(enrichment.deviceApplications24h(), enrichment.customerApplications30d()),
                matches);
    }

    private static Double toDouble(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    static double annuity(double principal, double annualRate, int months) {
        if (months <= 0) return principal;
        double r = annualRate / 12;
        if (r <= 0) return principal / months;
        return principal * r / (1 - Math.pow(1 + r, -months));
    }

    private static double ratio(double numerator, double denominator) {
        if (denominator <= 0) return numerator > 0 ? Features.RATIO_CAP : 0;
        return Math.min(Features.RATIO_CAP, Math.round(numerator / denominator * 10_000) / 10_000.0);
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
