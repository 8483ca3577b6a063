package io.credence.workbench.policy;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import io.credence.engine.ArtifactError;

/** Every compilation error by artifact, line and column; choosing one shows it in its editor. */
class ErrorList extends Div {

    ErrorList() {
        addClassName("error-list");
        setVisible(false);
    }

    void show(ArtifactErrors errors) {
        removeAll();
        setVisible(!errors.isEmpty());
        if (errors.isEmpty()) return;
        Div title = new Div(getTranslation("editor.errors.count", errors.all().size()));
        title.addClassName("error-list-title");
        add(title);
        for (ArtifactError error : errors.all()) add(row(error));
    }

    private Div row(ArtifactError error) {
        Span where = new Span(ArtifactErrors.where(error, this::getTranslation));
        where.addClassName("error-where");
        Span message = new Span(error.message());
        message.addClassName("error-message");
        Div row = new Div(where, message);
        row.addClassName("error-row");
        row.getElement().setAttribute("role", "button");
        row.getElement().setAttribute("tabindex", "0");
        row.addClickListener(click -> fireEvent(new ErrorChosen(this, error)));
        row.getElement()
                .addEventListener("keydown", key -> fireEvent(new ErrorChosen(this, error)))
                .setFilter("event.key === 'Enter' || event.key === ' '");
        return row;
    }

    Registration addErrorChosenListener(ComponentEventListener<ErrorChosen> listener) {
        return addListener(ErrorChosen.class, listener);
    }

    static class ErrorChosen extends ComponentEvent<ErrorList> {
        private final ArtifactError error;

        ErrorChosen(ErrorList source, ArtifactError error) {
            super(source, true);
            this.error = error;
        }

        ArtifactError error() {
            return error;
        }
    }
}
