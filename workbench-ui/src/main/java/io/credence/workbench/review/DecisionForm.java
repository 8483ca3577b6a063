package io.credence.workbench.review;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import io.credence.workbench.components.Confirmations;

/** The reviewer's comment and decision; when the person may not decide, the buttons say why. */
class DecisionForm extends Div {

    enum Verdict {
        APPROVE,
        REJECT
    }

    private final TextArea comment = new TextArea(getTranslation("review.decision.comment"));
    private final Button approve =
            new Button(getTranslation("review.decision.approve"), click -> decide(Verdict.APPROVE));
    private final Button reject = new Button(getTranslation("review.decision.reject"), click -> decide(Verdict.REJECT));
    private final Div reason = new Div();
    private final Div problem = new Div();
    private String approveQuestion;
    private java.util.function.Supplier<String> approveFigures = () -> "";

    DecisionForm() {
        addClassName("decision-form");
        comment.setWidthFull();
        comment.setMaxLength(4000);
        comment.setHelperText(getTranslation("review.decision.comment.helper"));
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        approve.setId("approve");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reject.setId("reject");
        reason.addClassName("decision-blocked");
        reason.setId("decision-blocked");
        problem.addClassName("inline-problem");
        problem.setVisible(false);
        add(comment, new HorizontalLayout(approve, reject), reason, problem);
    }

    void allow(ReviewRights rights) {
        approve.setEnabled(rights.canDecide());
        reject.setEnabled(rights.canDecide());
        comment.setEnabled(rights.canDecide());
        approve.setTooltipText(rights.reason());
        reject.setTooltipText(rights.reason());
        reason.setText(rights.reason() == null ? "" : rights.reason());
        reason.setVisible(rights.reason() != null);
    }

    /** What Approve asks before it approves: the version and its latest backtest's headline figures. */
    void askBeforeApproving(String question, java.util.function.Supplier<String> figures) {
        approveQuestion = question;
        approveFigures = figures;
    }

    private void decide(Verdict verdict) {
        if (verdict == Verdict.REJECT && comment.getValue().isBlank()) {
            comment.setErrorMessage(getTranslation("review.decision.comment.required"));
            comment.setInvalid(true);
            return;
        }
        comment.setInvalid(false);
        String said = comment.getValue().isBlank() ? null : comment.getValue().strip();
        if (verdict == Verdict.APPROVE && approveQuestion != null) {
            Confirmations.ask(
                    approveQuestion,
                    approveFigures.get(),
                    getTranslation("review.decision.approve"),
                    () -> fireEvent(new Decided(this, verdict, said)));
            return;
        }
        fireEvent(new Decided(this, verdict, said));
    }

    void showProblem(String message) {
        problem.setText(message == null ? "" : message);
        problem.setVisible(message != null);
    }

    Registration addDecidedListener(ComponentEventListener<Decided> listener) {
        return addListener(Decided.class, listener);
    }

    static class Decided extends ComponentEvent<DecisionForm> {
        private final Verdict verdict;
        private final String comment;

        Decided(DecisionForm source, Verdict verdict, String comment) {
            super(source, true);
            this.verdict = verdict;
            this.comment = comment;
        }

        Verdict verdict() {
            return verdict;
        }

        String comment() {
            return comment;
        }
    }
}
