package io.credence.workbench.policy;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

/** The key fields of an application for the test bench; the rest of a request gets test values. */
class TestBenchForm extends FormLayout {

    private final Select<String> product = select("product", "PERSONAL_LOAN", "INSTALLMENT", "SME_LOAN", "AUTO_LOAN");
    private final Select<String> channel = select("channel", "WEB", "APP", "PARTNER", "BRANCH");
    private final IntegerField age = new IntegerField(getTranslation("editor.bench.age"));
    private final BigDecimalField monthlyIncome = new BigDecimalField();
    private final Select<String> employmentStatus =
            select("employment", "SALARIED", "SELF_EMPLOYED", "UNEMPLOYED", "STUDENT", "RETIRED");
    private final IntegerField employmentMonths = new IntegerField(getTranslation("editor.bench.employment-months"));
    private final Select<String> residentialStatus = select("residence", "OWNER", "RENTER", "FAMILY", "OTHER");
    private final IntegerField dependents = new IntegerField(getTranslation("editor.bench.dependents"));
    private final Checkbox kycVerified = new Checkbox(getTranslation("editor.bench.kyc"));
    private final BigDecimalField amount = new BigDecimalField();
    private final IntegerField termMonths = new IntegerField(getTranslation("editor.bench.term"));
    private final TextField purpose = new TextField(getTranslation("editor.bench.purpose"));
    private final IntegerField bureauScore = new IntegerField(getTranslation("editor.bench.bureau-score"));
    private final IntegerField historyMonths = new IntegerField(getTranslation("editor.bench.history"));
    private final IntegerField delinquencies12m = new IntegerField(getTranslation("editor.bench.delinquencies"));
    private final IntegerField openLoans = new IntegerField(getTranslation("editor.bench.open-loans"));
    private final IntegerField inquiries6m = new IntegerField(getTranslation("editor.bench.inquiries"));
    private final BigDecimalField monthlyDebtPayments = new BigDecimalField();
    private final TextField ipCountry = new TextField(getTranslation("editor.bench.ip-country"));

    TestBenchForm() {
        addClassName("test-bench-form");
        age.setId("bench-age");
        bureauScore.setId("bench-bureau-score");
        bureauScore.setHelperText(getTranslation("editor.bench.bureau-score.helper"));
        setCurrency(null);
        add(
                product,
                channel,
                age,
                monthlyIncome,
                employmentStatus,
                employmentMonths,
                residentialStatus,
                dependents,
                amount,
                termMonths,
                purpose,
                kycVerified,
                bureauScore,
                historyMonths,
                delinquencies12m,
                openLoans,
                inquiries6m,
                monthlyDebtPayments,
                ipCountry);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("300px", 2), new ResponsiveStep("640px", 3));
    }

    /** Amounts are in the market's currency, so their labels name it: "Loan amount (INR)". */
    void setCurrency(String currency) {
        monthlyIncome.setLabel(money("editor.bench.monthly-income", currency));
        amount.setLabel(money("editor.bench.amount", currency));
        monthlyDebtPayments.setLabel(money("editor.bench.debt-payments", currency));
    }

    private String money(String key, String currency) {
        return currency == null
                ? getTranslation(key)
                : getTranslation("editor.bench.in-currency", getTranslation(key), currency);
    }

    void fill(TrialApplication a) {
        product.setValue(a.product());
        channel.setValue(a.channel());
        age.setValue(a.age());
        monthlyIncome.setValue(a.monthlyIncome());
        employmentStatus.setValue(a.employmentStatus());
        employmentMonths.setValue(a.employmentMonths());
        residentialStatus.setValue(a.residentialStatus());
        dependents.setValue(a.dependents());
        kycVerified.setValue(a.kycVerified());
        amount.setValue(a.amount());
        termMonths.setValue(a.termMonths());
        purpose.setValue(a.purpose() == null ? "" : a.purpose());
        bureauScore.setValue(a.bureauScore());
        historyMonths.setValue(a.historyMonths());
        delinquencies12m.setValue(a.delinquencies12m());
        openLoans.setValue(a.openLoans());
        inquiries6m.setValue(a.inquiries6m());
        monthlyDebtPayments.setValue(a.monthlyDebtPayments());
        ipCountry.setValue(a.ipCountry() == null ? "" : a.ipCountry());
    }

    TrialApplication read() {
        return new TrialApplication(
                product.getValue(),
                channel.getValue(),
                age.getValue(),
                monthlyIncome.getValue(),
                employmentStatus.getValue(),
                employmentMonths.getValue(),
                residentialStatus.getValue(),
                dependents.getValue(),
                kycVerified.getValue(),
                amount.getValue(),
                termMonths.getValue(),
                purpose.getValue(),
                bureauScore.getValue(),
                historyMonths.getValue(),
                delinquencies12m.getValue(),
                openLoans.getValue(),
                inquiries6m.getValue(),
                monthlyDebtPayments.getValue(),
                ipCountry.getValue());
    }

    /** A choice of codes the request carries (SALARIED), each shown in words ("Salaried"). */
    private Select<String> select(String field, String... values) {
        Select<String> select = new Select<>();
        select.setLabel(getTranslation("editor.bench." + field));
        select.setItems(values);
        select.setItemLabelGenerator(value -> getTranslation("editor.bench." + field + "." + value));
        return select;
    }
}
