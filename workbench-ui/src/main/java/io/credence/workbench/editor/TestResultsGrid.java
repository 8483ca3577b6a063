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
        grid.setEmptyStateText("No test cases yet. Run an application in the test bench and save it as a test case.");
        grid.addComponentColumn(TestResultsGrid::verdict).setHeader("Result").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TestCaseResult::name).setHeader("Test case").setFlexGrow(2);
        grid.addColumn(r -> expectation(r.expectedOutcome(), r.expectedReasons())).setHeader("Expected").setFlexGrow(2);
        grid.addColumn(r -> expectation(r.actualOutcome(), r.actualReasons())).setHeader("Actual").setFlexGrow(2);
        grid.addColumn(r -> r.problem() == null ? "" : r.problem()).setHeader("Why it failed").setFlexGrow(3);
        removeColumn = grid.addComponentColumn(this::removeButton).setAutoWidth(true).setFlexGrow(0);
        removeColumn.setVisible(false);
    }

    public void setRemovable(boolean removable) {
        removeColumn.setVisible(removable);
    }

    /** {@code context} says which text the results belong to, e.g. the saved version or unsaved edits. */
    public void show(List<TestCaseResult> results, String context) {
        grid.setItems(results == null ? List.of() : results);
        long passed = results == null ? 0 : results.stream().filter(TestCaseResult::passed).count();
        int total = results == null ? 0 : results.size();
        summary.setText(total == 0 ? "" : passed + " of " + total + " test cases pass" + (context == null ? "" : " " + context));
        summary.getElement().setAttribute("data-failing", String.valueOf(passed < total));
    }

    private static Badge verdict(TestCaseResult r) {
        Badge verdict = r.passed() ? Badges.good("pass") : Badges.bad("fail");
        verdict.addClassName(r.passed() ? "test-pass" : "test-fail");
        return verdict;
    }

    private static String expectation(String outcome, List<String> reasons) {
        if (outcome == null) return "—";
        return reasons == null || reasons.isEmpty() ? outcome : outcome + " · " + String.join(", ", reasons);
    }

    private Button removeButton(TestCaseResult r) {
        Button remove = new Button(VaadinIcon.TRASH.create(), click -> fireEvent(new RemoveRequested(this, r)));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel("Remove test case " + r.name());
        remove.setTooltipText("Remove this test case");
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
