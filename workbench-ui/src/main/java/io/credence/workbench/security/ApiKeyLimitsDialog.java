package io.credence.workbench.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import io.credence.security.ApiKey;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Changes an existing key's markets and expiry; the loan system keeps its key. */
class ApiKeyLimitsDialog extends Dialog {

    /** What the admin chose, for the view to save. */
    record Limits(List<String> markets, LocalDate expiresOn) {}

    ApiKeyLimitsDialog(
            ApiKey key,
            List<String> knownMarkets,
            Locale formatting,
            LocalDate today,
            java.util.function.Consumer<Limits> onSave) {
        setHeaderTitle(getTranslation("admin.api-keys.limits.title", key.name()));
        setWidth("40em");
        ApiKeyLimitsForm form = new ApiKeyLimitsForm(knownMarkets, formatting, today, "edit-api-key");
        form.show(key.markets(), key.expiresOn());
        add(form);
        Button save = new Button(getTranslation("common.save"), click -> {
            if (!form.valid()) return;
            onSave.accept(new Limits(form.markets(), form.expiresOn()));
            close();
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("save-api-key-limits");
        Button cancel = new Button(getTranslation("common.cancel"), click -> close());
        getFooter().add(cancel, save);
    }
}
