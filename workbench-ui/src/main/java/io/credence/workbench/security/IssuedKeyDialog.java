package io.credence.workbench.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.credence.security.IssuedApiKey;

/** Shows a new API key the only time it exists in clear: it is stored as a hash from here on. */
class IssuedKeyDialog extends Dialog {

    IssuedKeyDialog(IssuedApiKey issued, String markets, String expiry) {
        setHeaderTitle(getTranslation("admin.issued-key.title", issued.apiKey().name()));
        setWidth("36em");
        setCloseOnOutsideClick(false);
        Span key = new Span(issued.key());
        key.addClassNames("mono", "issued-key");
        key.setId("issued-key");
        Paragraph hint = new Paragraph(getTranslation("admin.issued-key.hint"));
        Paragraph limits = new Paragraph(getTranslation("admin.issued-key.limits", markets, expiry));
        limits.setId("issued-key-limits");
        add(hint, key, limits);
        Button copy = new Button(getTranslation("admin.issued-key.copy"), VaadinIcon.COPY.create(), click -> {
            copy(key, issued.key());
            click.getSource().setText(getTranslation("admin.issued-key.copied"));
        });
        Button done = new Button(getTranslation("admin.issued-key.done"), click -> close());
        done.addThemeVariants(ButtonVariant.PRIMARY);
        done.setId("close-issued-key");
        getFooter().add(copy, done);
    }

    /** The clipboard API exists only on secure origins (https or localhost); elsewhere the key is selected to copy by hand. */
    private static void copy(Span key, String secret) {
        key.getElement().executeJs("""
                if (navigator.clipboard) { navigator.clipboard.writeText($0); }
                const range = document.createRange(); range.selectNodeContents(this);
                const selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);""", secret);
    }
}
