package io.credence.workbench.editor;

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

    SubmitDialog() {
        setHeaderTitle(getTranslation("editor.submit.title"));
        note.setId("submit-note");
        note.setWidth("32em");
        note.setMinHeight("8em");
        note.setMaxLength(4000);
        note.setRequiredIndicatorVisible(true);
        note.setPlaceholder(getTranslation("editor.submit.note.placeholder"));
        unsaved.addClassName("hint");
        add(new Paragraph(getTranslation("editor.submit.explanation")), unsaved, note);
        Button submit = new Button(getTranslation("editor.submit.confirm"), click -> submit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), submit);
    }

    void open(String currentNote, boolean hasUnsavedChanges) {
        note.setValue(currentNote == null ? "" : currentNote);
        note.setInvalid(false);
        unsaved.setVisible(hasUnsavedChanges);
        open();
    }

    private void submit() {
        if (note.getValue().isBlank()) {
            note.setErrorMessage(getTranslation("editor.submit.note.required"));
            note.setInvalid(true);
            return;
        }
        fireEvent(new SubmitConfirmed(this, note.getValue().strip()));
    }

    Registration addSubmitConfirmedListener(ComponentEventListener<SubmitConfirmed> listener) {
        return addListener(SubmitConfirmed.class, listener);
    }

    static class SubmitConfirmed extends ComponentEvent<SubmitDialog> {
        private final String note;

        SubmitConfirmed(SubmitDialog source, String note) {
            super(source, true);
            this.note = note;
        }

        String note() {
            return note;
        }
    }
}
