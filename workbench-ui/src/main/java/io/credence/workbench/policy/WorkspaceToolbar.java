package io.credence.workbench.policy;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;

/** An open version's state (validating, errors, unsaved changes) and the actions on it. */
class WorkspaceToolbar extends HorizontalLayout {

    enum Action {
        VALIDATE,
        SAVE,
        SUBMIT,
        DISCARD,
        NEW_DRAFT,
        TOGGLE_VOCABULARY
    }

    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();
    private final Badge dirty = new Badge(getTranslation("editor.toolbar.unsaved"));
    private final Button validate = action("editor.toolbar.validate", Action.VALIDATE, "validate");
    private final Button save = action("editor.toolbar.save", Action.SAVE, "save-draft");
    private final Button submit = action("editor.toolbar.submit", Action.SUBMIT, "submit-for-review");
    private final Button discard = action("editor.toolbar.discard", Action.DISCARD, "discard-draft");
    private final Button newDraft = action("editor.toolbar.new-draft", Action.NEW_DRAFT, "new-draft");
    private final Button vocabulary =
            action("editor.toolbar.hide-vocabulary", Action.TOGGLE_VOCABULARY, "toggle-vocabulary");

    WorkspaceToolbar() {
        addClassName("workspace-toolbar");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.addClassName("validation-progress");
        status.addClassName("validation-status");
        status.setId("validation-status");
        dirty.addClassName("dirty-badge");
        dirty.addThemeVariants(BadgeVariant.WARNING);
        dirty.setVisible(false);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        vocabulary.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        discard.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        Div state = new Div(progress, status, dirty);
        state.addClassName("validation-state");
        add(state, validate, save, submit, discard, newDraft, vocabulary);
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        expand(state);
    }

    private Button action(String labelKey, Action action, String id) {
        Button button = new Button(getTranslation(labelKey), click -> fireEvent(new ActionRequested(this, action)));
        button.setId(id);
        return button;
    }

    void allow(boolean canEdit, boolean canCreateDraft, int version) {
        validate.setVisible(canEdit);
        save.setVisible(canEdit);
        submit.setVisible(canEdit);
        discard.setVisible(canEdit);
        newDraft.setText(getTranslation("editor.toolbar.new-draft-from", String.valueOf(version)));
        newDraft.setVisible(canCreateDraft);
    }

    void showValidating(boolean validating) {
        progress.setVisible(validating);
        if (validating) showStatus(getTranslation("editor.toolbar.validating"), "busy");
        validate.setEnabled(!validating);
    }

    /** kind is ok, error, busy or info: the status line's colour. */
    void showStatus(String text, String kind) {
        status.setText(text);
        status.getElement().setAttribute("data-kind", kind);
    }

    void showDirty(boolean isDirty) {
        dirty.setVisible(isDirty);
    }

    void showVocabularyShown(boolean shown) {
        vocabulary.setText(getTranslation(shown ? "editor.toolbar.hide-vocabulary" : "editor.toolbar.show-vocabulary"));
    }

    Registration addActionListener(ComponentEventListener<ActionRequested> listener) {
        return addListener(ActionRequested.class, listener);
    }

    static class ActionRequested extends ComponentEvent<WorkspaceToolbar> {
        private final Action action;

        ActionRequested(WorkspaceToolbar source, Action action) {
            super(source, true);
            this.action = action;
        }

        Action action() {
            return action;
        }
    }
}
