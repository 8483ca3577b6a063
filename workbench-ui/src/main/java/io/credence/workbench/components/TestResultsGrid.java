package io.credence.workbench.components;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import io.credence.policy.TestCaseResult;
import java.util.List;

/**
 * A version's test cases and how they fare: expected and actual outcome and reasons, and why a case
 * failed. The author of a draft may remove a case; reviewers see the same table read-only.
 */
public class TestResultsGrid extends Div {

    private final Span summary = new Span();
    private final Div coverage = new Div();
    private final Grid<TestCaseResult> grid = new Grid<>(TestCaseResult.class, false);
    private Grid.Column<TestCaseResult> removeColumn;
    private Grid.Column<TestCaseResult> editColumn;

    public TestResultsGrid() {
        addClassName("test-results");
        summary.addClassName("test-summary");
        grid.addClassName("test-results-grid");
        configureGrid();
        coverage.setId("test-coverage");
        coverage.addClassName("test-coverage");
        coverage.setVisible(false);
        add(summary, grid, coverage);
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("editor.tests.empty"));
        grid.addComponentColumn(this::verdict)
                .setHeader(getTranslation("editor.tests.result"))
                .setWidth("7rem")
                .setFlexGrow(0);
        grid.addColumn(TestCaseResult::name)
                .setHeader(getTranslation("editor.tests.name"))
                .setFlexGrow(2);
        grid.addColumn(r -> expectation(r.expectedOutcome(), r.expectedReasons())
                        + figures(r.expectedAmount(), r.expectedApr()))
                .setHeader(getTranslation("editor.tests.expected"))
                .setFlexGrow(2);
        grid.addColumn(r ->
                        expectation(r.actualOutcome(), r.actualReasons()) + figures(r.actualAmount(), r.actualApr()))
                .setHeader(getTranslation("editor.tests.actual"))
                .setFlexGrow(2);
        grid.addColumn(r -> r.problem() == null ? "" : r.problem())
                .setHeader(getTranslation("editor.tests.problem"))
                .setFlexGrow(3);
        editColumn =
                grid.addComponentColumn(this::editButtons).setAutoWidth(true).setFlexGrow(0);
        editColumn.setVisible(false);
        removeColumn =
                grid.addComponentColumn(this::removeButton).setAutoWidth(true).setFlexGrow(0);
        removeColumn.setVisible(false);
    }

    public void setRemovable(boolean removable) {
        removeColumn.setVisible(removable);
        editColumn.setVisible(removable);
    }

    /**
     * {@code context} says which text the results belong to, e.g. the saved version or unsaved edits,
     * already in the reader's words; null for none.
     */
    public void show(List<TestCaseResult> results, String context) {
        grid.setItems(results == null ? List.of() : results);
        long passed = results == null
                ? 0
                : results.stream().filter(TestCaseResult::passed).count();
        int total = results == null ? 0 : results.size();
        String pass = getTranslation("editor.tests.summary", passed, total);
        summary.setText(
                total == 0 ? "" : context == null ? pass : getTranslation("editor.tests.summary-in", pass, context));
        summary.getElement().setAttribute("data-failing", String.valueOf(passed < total));
    }

    /** The rules ("stage: rule name") no test case fires; a change there goes unnoticed by the cases. */
    public void showCoverage(List<String> uncovered) {
        coverage.removeAll();
        coverage.setVisible(uncovered != null);
        if (uncovered == null) return;
        coverage.getElement().setAttribute("data-uncovered", String.valueOf(uncovered.size()));
        if (uncovered.isEmpty()) {
            coverage.add(new Div(getTranslation("editor.tests.coverage.all")));
            return;
        }
        coverage.add(new Div(getTranslation("editor.tests.coverage.uncovered", uncovered.size())));
        for (String rule : uncovered) {
            Span item = new Span(rule);
            item.addClassName("uncovered-rule");
            coverage.add(new Div(item));
        }
    }

    private Badge verdict(TestCaseResult r) {
        Badge verdict = r.passed()
                ? Badges.good(getTranslation("editor.tests.pass"))
                : Badges.bad(getTranslation("editor.tests.fail"));
        verdict.addClassName(r.passed() ? "test-pass" : "test-fail");
        return verdict;
    }

    /** "Approve · AGE_LIMIT, LOW_SCORE": the outcome in words, reason codes as the engine names them. */
    private String expectation(String outcome, List<String> reasons) {
        if (outcome == null) return "—";
        String said = getTranslation("outcome." + outcome);
        return reasons == null || reasons.isEmpty() ? said : said + " · " + String.join(", ", reasons);
    }

    /** " · 100000 · 28%": the amount and APR a case expects or got, where it expects them. */
    private static String figures(java.math.BigDecimal amount, java.math.BigDecimal apr) {
        String text = "";
        if (amount != null) text += " · " + amount.stripTrailingZeros().toPlainString();
        if (apr != null)
            text += " · " + apr.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        return text;
    }

    private com.vaadin.flow.component.Component editButtons(TestCaseResult r) {
        Button edit = new Button(VaadinIcon.EDIT.create(), click -> fireEvent(new EditRequested(this, r, false)));
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        edit.setAriaLabel(getTranslation("editor.tests.edit.aria", r.name()));
        edit.setTooltipText(getTranslation("editor.tests.edit"));
        edit.addClassName("edit-case");
        Button copy = new Button(VaadinIcon.COPY.create(), click -> fireEvent(new EditRequested(this, r, true)));
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        copy.setAriaLabel(getTranslation("editor.tests.duplicate.aria", r.name()));
        copy.setTooltipText(getTranslation("editor.tests.duplicate"));
        copy.addClassName("duplicate-case");
        return new Span(edit, copy);
    }

    public Registration addEditRequestedListener(ComponentEventListener<EditRequested> listener) {
        return addListener(EditRequested.class, listener);
    }

    /** The analyst asks to edit a case, or to duplicate it ({@code duplicate}). */
    public static class EditRequested extends ComponentEvent<TestResultsGrid> {
        private final TestCaseResult testCase;
        private final boolean duplicate;

        EditRequested(TestResultsGrid source, TestCaseResult testCase, boolean duplicate) {
            super(source, true);
            this.testCase = testCase;
            this.duplicate = duplicate;
        }

        public TestCaseResult testCase() {
            return testCase;
        }

        public boolean duplicate() {
            return duplicate;
        }
    }

    private Button removeButton(TestCaseResult r) {
        Button remove = new Button(VaadinIcon.TRASH.create(), click -> fireEvent(new RemoveRequested(this, r)));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel(getTranslation("editor.tests.remove.aria", r.name()));
        remove.setTooltipText(getTranslation("editor.tests.remove"));
        return remove;
    }

    public Registration addRemoveRequestedListener(ComponentEventListener<RemoveRequested> listener) {
        return addListener(RemoveRequested.class, listener);
    }

    public static class RemoveRequested extends ComponentEvent<TestResultsGrid> {
        private final TestCaseResult testCase;

        RemoveRequested(TestResultsGrid source, TestCaseResult testCase) {
            super(source, true);
            this.testCase = testCase;
        }

        public TestCaseResult testCase() {
            return testCase;
        }
    }
}
