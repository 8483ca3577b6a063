package io.credence.workbench.policy;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import io.credence.policy.TrialDecision;
import java.util.List;

/**
 * Tries one application on the open version, from the form's key fields or as raw JSON; nothing is
 * stored. A result can be kept as a test case of a draft, expecting what was decided.
 */
class TestBenchPane extends Div {

    private final TestBenchForm form = new TestBenchForm();
    private final TextArea json = new TextArea(getTranslation("editor.bench.json"));
    private final TabSheet input = new TabSheet();
    private final Div notice = new Div();
    private final TrialResultPanel result = new TrialResultPanel();
    private final TextField caseName = new TextField(getTranslation("editor.bench.case-name"));
    private final Select<String> expectedOutcome = new Select<>();
    private final Checkbox expectReasons = new Checkbox(getTranslation("editor.bench.expect-reasons"));
    private final HorizontalLayout saveAsCase;
    private String market;
    private String currency;
    private String lastRun;
    private TrialDecision lastDecision;
    private boolean canSaveCases;

    TestBenchPane() {
        addClassName("test-bench");
        json.addClassName("json-input");
        notice.addClassName("hint");
        input.add(getTranslation("editor.bench.form"), form);
        input.add(getTranslation("editor.bench.json-tab"), json);
        input.addSelectedChangeListener(change -> {
            if (input.getSelectedIndex() == 1 && json.isEmpty()) json.setValue(formJson());
        });
        Button run = new Button(getTranslation("editor.bench.run"), click -> run());
        run.setId("run-trial");
        result.setId("trial-result");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveAsCase = saveAsCaseForm();
        HorizontalLayout actions = new HorizontalLayout(run, new Span(getTranslation("editor.bench.nothing-stored")));
        actions.setAlignItems(HorizontalLayout.Alignment.CENTER);
        actions.addClassName("hint");
        Div left = new Div(notice, actions, input);
        left.addClassName("test-bench-input");
        Div right = new Div(result, saveAsCase);
        right.addClassName("test-bench-output");
        add(left, right);
    }

    private HorizontalLayout saveAsCaseForm() {
        caseName.setId("case-name");
        expectedOutcome.setLabel(getTranslation("editor.bench.expected-outcome"));
        expectedOutcome.setItems("APPROVE", "DECLINE", "REFER");
        expectedOutcome.setItemLabelGenerator(outcome -> getTranslation("outcome." + outcome));
        expectReasons.setValue(true);
        caseName.setErrorMessage(getTranslation("editor.bench.case-name.required"));
        Button save = new Button(getTranslation("editor.bench.save-case"), click -> saveAsCase());
        HorizontalLayout row = new HorizontalLayout(caseName, expectedOutcome, expectReasons, save);
        row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        row.addClassName("save-as-case");
        row.setVisible(false);
        return row;
    }

    /** A case needs a name the test list can show; the service would refuse a blank one in English. */
    private void saveAsCase() {
        caseName.setInvalid(caseName.getValue().isBlank());
        if (caseName.isInvalid()) return;
        fireEvent(new SaveAsTestCase(
                this,
                caseName.getValue().strip(),
                lastRun,
                expectedOutcome.getValue(),
                expectReasons.getValue() ? reasonCodes() : List.of()));
    }

    void prepare(String market, String currency, String notice, boolean canSaveCases) {
        this.market = market;
        this.currency = currency;
        this.notice.setText(notice == null ? "" : notice);
        this.notice.setVisible(notice != null);
        this.canSaveCases = canSaveCases;
        saveAsCase.setVisible(canSaveCases && lastDecision != null);
        form.setCurrency(currency);
        if (lastRun == null) form.fill(TrialApplication.typical(market));
    }

    private void run() {
        lastRun = input.getSelectedIndex() == 1 ? json.getValue() : formJson();
        fireEvent(new RunRequested(this, lastRun));
    }

    private String formJson() {
        return form.read().toJson(market, currency);
    }

    void showResult(TrialDecision decision) {
        lastDecision = decision;
        result.show(decision, currency);
        expectedOutcome.setValue(decision.result().outcome());
        saveAsCase.setVisible(canSaveCases);
    }

    void showProblem(String message) {
        lastDecision = null;
        result.showProblem(message);
        saveAsCase.setVisible(false);
    }

    void testCaseSaved() {
        caseName.clear();
    }

    private List<String> reasonCodes() {
        return lastDecision == null
                ? List.of()
                : lastDecision.result().reasons().stream().map(r -> r.code()).toList();
    }

    Registration addRunRequestedListener(ComponentEventListener<RunRequested> listener) {
        return addListener(RunRequested.class, listener);
    }

    Registration addSaveAsTestCaseListener(ComponentEventListener<SaveAsTestCase> listener) {
        return addListener(SaveAsTestCase.class, listener);
    }

    static class RunRequested extends ComponentEvent<TestBenchPane> {
        private final String json;

        RunRequested(TestBenchPane source, String json) {
            super(source, true);
            this.json = json;
        }

        String json() {
            return json;
        }
    }

    static class SaveAsTestCase extends ComponentEvent<TestBenchPane> {
        private final String name;
        private final String json;
        private final String expectedOutcome;
        private final List<String> expectedReasons;

        SaveAsTestCase(
                TestBenchPane source, String name, String json, String expectedOutcome, List<String> expectedReasons) {
            super(source, true);
            this.name = name;
            this.json = json;
            this.expectedOutcome = expectedOutcome;
            this.expectedReasons = expectedReasons;
        }

        String name() {
            return name;
        }

        String json() {
            return json;
        }

        String expectedOutcome() {
            return expectedOutcome;
        }

        List<String> expectedReasons() {
            return expectedReasons;
        }
    }
}
