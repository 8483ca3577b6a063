package io.credence.workbench.policy;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import io.credence.policy.NewTestCase;
import io.credence.policy.PolicyTestCase;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Edits one test case: its name, application, expected outcome and reasons, and optionally the
 * approved amount and APR (entered as a percentage) it must give, each within a tolerance.
 */
class TestCaseDialog extends Dialog {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final TextField name = new TextField(getTranslation("editor.case.name"));
    private final Select<String> outcome = new Select<>();
    private final TextField reasons = new TextField(getTranslation("editor.case.reasons"));
    private final BigDecimalField amount = new BigDecimalField(getTranslation("editor.case.amount"));
    private final BigDecimalField amountTolerance = new BigDecimalField(getTranslation("editor.case.amount-tolerance"));
    private final BigDecimalField apr = new BigDecimalField(getTranslation("editor.case.apr"));
    private final BigDecimalField aprTolerance = new BigDecimalField(getTranslation("editor.case.apr-tolerance"));
    private final TextArea application = new TextArea(getTranslation("editor.case.application"));
    private final Div problem = new Div();
    private String id;

    TestCaseDialog() {
        setHeaderTitle(getTranslation("editor.case.title"));
        setId("test-case-dialog");
        name.setId("case-edit-name");
        outcome.setId("case-edit-outcome");
        outcome.setLabel(getTranslation("editor.bench.expected-outcome"));
        outcome.setItems("APPROVE", "DECLINE", "REFER");
        outcome.setItemLabelGenerator(o -> getTranslation("outcome." + o));
        reasons.setId("case-edit-reasons");
        reasons.setHelperText(getTranslation("editor.case.reasons.helper"));
        amount.setId("case-edit-amount");
        amountTolerance.setId("case-edit-amount-tolerance");
        apr.setId("case-edit-apr");
        apr.setSuffixComponent(new com.vaadin.flow.component.html.Span("%"));
        aprTolerance.setId("case-edit-apr-tolerance");
        aprTolerance.setSuffixComponent(new com.vaadin.flow.component.html.Span("%"));
        application.setId("case-edit-application");
        application.setWidthFull();
        application.setMinHeight("12em");
        problem.addClassName("inline-problem");
        problem.setVisible(false);
        FormLayout form = new FormLayout(name, outcome, reasons, amount, amountTolerance, apr, aprTolerance);
        form.setColspan(name, 2);
        form.setColspan(reasons, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        add(form, application, problem);
        setWidth("46em");
        Button save = new Button(getTranslation("editor.case.save"), click -> save());
        save.setId("case-edit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), save);
    }

    void open(PolicyTestCase test) {
        id = test.id();
        name.setValue(test.name());
        outcome.setValue(test.expectedOutcome());
        reasons.setValue(test.expectedReasons() == null ? "" : String.join(", ", test.expectedReasons()));
        amount.setValue(test.expectedAmount());
        amountTolerance.setValue(test.amountTolerance());
        apr.setValue(
                test.expectedApr() == null
                        ? null
                        : test.expectedApr().multiply(HUNDRED).stripTrailingZeros());
        aprTolerance.setValue(
                test.aprTolerance() == null
                        ? null
                        : test.aprTolerance().multiply(HUNDRED).stripTrailingZeros());
        application.setValue(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(test.application()));
        showProblem(null);
        open();
    }

    void showProblem(String text) {
        problem.setText(text == null ? "" : text);
        problem.setVisible(text != null);
    }

    private void save() {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(application.getValue());
        } catch (JacksonException e) {
            showProblem(getTranslation("editor.presenter.invalid-json", e.getOriginalMessage()));
            return;
        }
        List<String> codes = Arrays.stream(reasons.getValue().split("[,\\s]+"))
                .filter(c -> !c.isBlank())
                .toList();
        fireEvent(new Saved(
                this,
                id,
                new NewTestCase(
                        name.getValue().strip(),
                        parsed,
                        outcome.getValue(),
                        codes,
                        amount.getValue(),
                        amountTolerance.getValue(),
                        fraction(apr.getValue()),
                        fraction(aprTolerance.getValue()))));
    }

    private static BigDecimal fraction(BigDecimal percent) {
        return percent == null ? null : percent.divide(HUNDRED);
    }

    Registration addSavedListener(ComponentEventListener<Saved> listener) {
        return addListener(Saved.class, listener);
    }

    static class Saved extends ComponentEvent<TestCaseDialog> {
        private final String id;
        private final NewTestCase testCase;

        Saved(TestCaseDialog source, String id, NewTestCase testCase) {
            super(source, true);
            this.id = id;
            this.testCase = testCase;
        }

        String id() {
            return id;
        }

        NewTestCase testCase() {
            return testCase;
        }
    }
}
