package io.credence.workbench.editor;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import io.credence.policy.TestCaseResult;
import io.credence.workbench.components.Badges;
import com.vaadin.flow.component.badge.Badge;
import java.util.List;

/**
 * A version's test cases and how they fare: expected and actual outcome and reasons, and why a case
 * failed. The author of a draft may remove a case; reviewers see the same table read-only.
 */
public class TestResultsGrid extends Div {

    private final Span summary = new Span();
    private final Grid<TestCaseResult> grid = new Grid<>(TestCaseResult.class, false);
    private Grid.Column<TestCaseResult> removeColumn;

    public TestResultsGrid() {
        addClassName("test-results");
        summary.addClassName("test-summary");
        grid.addClassName("test-results-grid");
        configureGrid();
        add(summary, grid);
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("editor.tests.empty"));
        grid.addComponentColumn(this::verdict).setHeader(getTranslation("editor.tests.result")).setWidth("7rem").setFlexGrow(0);
        grid.addColumn(TestCaseResult::name).setHeader(getTranslation("editor.tests.name")).setFlexGrow(2);
        grid.addColumn(r -> expectation(r.expectedOutcome(), r.expectedReasons()))
                .setHeader(getTranslation("editor.tests.expected")).setFlexGrow(2);
        grid.addColumn(r -> expectation(r.actualOutcome(), r.actualReasons()))
                .setHeader(getTranslation("editor.tests.actual")).setFlexGrow(2);
        grid.addColumn(r -> r.problem() == null ? "" : r.problem()).setHeader(getTranslation("editor.tests.problem"))
                .setFlexGrow(3);
        removeColumn = grid.addComponentColumn(this::removeButton).setAutoWidth(true).setFlexGrow(0);
        removeColumn.setVisible(false);
    }

    public void setRemovable(boolean removable) {
        removeColumn.setVisible(removable);
    }

    /**
     * {@code context} says which text the results belong to, e.g. the saved version or unsaved edits,
     * already in the reader's words; null for none.
     */
    public void show(List<TestCaseResult> results, String context) {
        grid.setItems(results == null ? List.of() : results);
        long passed = results == null ? 0 : results.stream().filter(TestCaseResult::passed).count();
        int total = results == null ? 0 : results.size();
        String pass = getTranslation("editor.tests.summary", passed, total);
        summary.setText(total == 0 ? "" : context == null ? pass : getTranslation("editor.tests.summary-in", pass, context));
        summary.getElement().setAttribute("data-failing", String.valueOf(passed < total));
    }

    private Badge verdict(TestCaseResult r) {
        Badge verdict = r.passed() ? Badges.good(getTranslation("editor.tests.pass")) : Badges.bad(getTranslation("editor.tests.fail"));
        verdict.addClassName(r.passed() ? "test-pass" : "test-fail");
        return verdict;
    }

    /** "Approve · AGE_LIMIT, LOW_SCORE": the outcome in words, reason codes as the engine names them. */
    private String expectation(String outcome, List<String> reasons) {
        if (outcome == null) return "—";
        String said = getTranslation("outcome." + outcome);
        return reasons == null || reasons.isEmpty() ? said : said + " · " + String.join(", ", reasons);
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
