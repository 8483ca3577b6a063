package io.credence.workbench.policy;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;

/** Asks for the note a reviewer reads first: what changed and why. */
class SubmitDialog extends Dialog {

    private final TextArea note = new TextArea(getTranslation("editor.submit.note"));
    private final Paragraph unsaved = new Paragraph(getTranslation("editor.submit.unsaved"));
    private final Paragraph failing = new Paragraph();
    private final TextArea failingReason = new TextArea(getTranslation("editor.submit.failing-reason"));

    SubmitDialog() {
        setHeaderTitle(getTranslation("editor.submit.title"));
        note.setId("submit-note");
        note.setWidth("32em");
        note.setMinHeight("8em");
        note.setMaxLength(4000);
        note.setRequiredIndicatorVisible(true);
        note.setPlaceholder(getTranslation("editor.submit.note.placeholder"));
        unsaved.addClassName("hint");
        failing.setId("submit-failing");
        failing.addClassName("inline-problem");
        failingReason.setId("submit-failing-reason");
        failingReason.setWidth("32em");
        failingReason.setMaxLength(2000);
        failingReason.setRequiredIndicatorVisible(true);
        failingReason.setHelperText(getTranslation("editor.submit.failing-reason.helper"));
        add(new Paragraph(getTranslation("editor.submit.explanation")), unsaved, note, failing, failingReason);
        Button submit = new Button(getTranslation("editor.submit.confirm"), click -> submit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), submit);
    }

    void open(String currentNote, boolean hasUnsavedChanges) {
        open(currentNote, hasUnsavedChanges, java.util.List.of());
    }

    /** {@code failingCases}: names of the test cases that fail; the analyst must say why to submit anyway. */
    void open(String currentNote, boolean hasUnsavedChanges, java.util.List<String> failingCases) {
        note.setValue(currentNote == null ? "" : currentNote);
        note.setInvalid(false);
        unsaved.setVisible(hasUnsavedChanges);
        failing.setText(getTranslation("editor.submit.failing", failingCases.size(), String.join(", ", failingCases)));
        failing.setVisible(!failingCases.isEmpty());
        failingReason.setValue("");
        failingReason.setInvalid(false);
        failingReason.setVisible(!failingCases.isEmpty());
        open();
    }

    private void submit() {
        if (note.getValue().isBlank()) {
            note.setErrorMessage(getTranslation("editor.submit.note.required"));
            note.setInvalid(true);
            return;
        }
        if (failingReason.isVisible() && failingReason.getValue().isBlank()) {
            failingReason.setErrorMessage(getTranslation("editor.submit.failing-reason.required"));
            failingReason.setInvalid(true);
            return;
        }
        fireEvent(new SubmitConfirmed(
                this,
                note.getValue().strip(),
                failingReason.isVisible() ? failingReason.getValue().strip() : null));
    }

    Registration addSubmitConfirmedListener(ComponentEventListener<SubmitConfirmed> listener) {
        return addListener(SubmitConfirmed.class, listener);
    }

    static class SubmitConfirmed extends ComponentEvent<SubmitDialog> {
        private final String note;
        private final String failingTestsReason;

        SubmitConfirmed(SubmitDialog source, String note, String failingTestsReason) {
            super(source, true);
            this.note = note;
            this.failingTestsReason = failingTestsReason;
        }

        String failingTestsReason() {
            return failingTestsReason;
        }

        String note() {
            return note;
        }
    }
}
