package io.credence.workbench.editor;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

/** The key fields of an application for the test bench; the rest of a request gets test values. */
class TestBenchForm extends FormLayout {

    private final Select<String> product = select("Product", "PERSONAL_LOAN", "INSTALLMENT", "SME_LOAN", "AUTO_LOAN");
    private final Select<String> channel = select("Channel", "WEB", "APP", "PARTNER", "BRANCH");
    private final IntegerField age = new IntegerField("Age");
    private final BigDecimalField monthlyIncome = new BigDecimalField("Monthly income");
    private final Select<String> employmentStatus =
            select("Employment", "SALARIED", "SELF_EMPLOYED", "UNEMPLOYED", "STUDENT", "RETIRED");
    private final IntegerField employmentMonths = new IntegerField("Months employed");
    private final Select<String> residentialStatus = select("Residence", "OWNER", "RENTER", "FAMILY", "OTHER");
    private final IntegerField dependents = new IntegerField("Dependents");
    private final Checkbox kycVerified = new Checkbox("KYC verified");
    private final BigDecimalField amount = new BigDecimalField("Loan amount");
    private final IntegerField termMonths = new IntegerField("Term (months)");
    private final TextField purpose = new TextField("Purpose");
    private final IntegerField bureauScore = new IntegerField("Bureau score");
    private final IntegerField historyMonths = new IntegerField("History (months)");
    private final IntegerField delinquencies12m = new IntegerField("Missed payments (12 m)");
    private final IntegerField openLoans = new IntegerField("Open loans");
    private final IntegerField inquiries6m = new IntegerField("Inquiries (6 m)");
    private final BigDecimalField monthlyDebtPayments = new BigDecimalField("Debt payments / month");
    private final TextField ipCountry = new TextField("Device IP country");

    TestBenchForm() {
        addClassName("test-bench-form");
        bureauScore.setHelperText("Blank: thin file, no score");
        add(product, channel, age, monthlyIncome, employmentStatus, employmentMonths, residentialStatus, dependents,
                amount, termMonths, purpose, kycVerified, bureauScore, historyMonths, delinquencies12m, openLoans,
                inquiries6m, monthlyDebtPayments, ipCountry);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("300px", 2), new ResponsiveStep("640px", 3));
    }

    void setCurrency(String currency) {
        String suffix = currency == null ? "" : " (" + currency + ")";
        monthlyIncome.setLabel("Monthly income" + suffix);
        amount.setLabel("Loan amount" + suffix);
        monthlyDebtPayments.setLabel("Debt payments / month" + suffix);
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
        return new TrialApplication(product.getValue(), channel.getValue(), age.getValue(), monthlyIncome.getValue(),
                employmentStatus.getValue(), employmentMonths.getValue(), residentialStatus.getValue(),
                dependents.getValue(), kycVerified.getValue(), amount.getValue(), termMonths.getValue(),
                purpose.getValue(), bureauScore.getValue(), historyMonths.getValue(), delinquencies12m.getValue(),
                openLoans.getValue(), inquiries6m.getValue(), monthlyDebtPayments.getValue(), ipCountry.getValue());
    }

    private static Select<String> select(String label, String... values) {
        Select<String> select = new Select<>();
        select.setLabel(label);
        select.setItems(values);
        return select;
    }
}
