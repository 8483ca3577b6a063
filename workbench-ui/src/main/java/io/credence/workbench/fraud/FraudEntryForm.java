package io.credence.workbench.fraud;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import io.credence.fraud.NewFraudListEntry;
import io.credence.vocabulary.ListMatch;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.ComponentTexts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.function.Consumer;

/**
 * A new fraud-list entry: which list, the customer id or device fingerprint, why, and until when.
 * Checked here, with the reader's words, against what {@code FraudLists} accepts.
 */
class FraudEntryForm extends Composite<Div> {

    static final int ENTRY_MAX = 256;
    static final int REASON_MAX = 500;

    private final Select<String> list = new Select<>();
    private final TextField entry = new TextField();
    private final TextField reason = new TextField();
    private final DateTimePicker expiresAt = new DateTimePicker();
    private final Binder<NewFraudListEntry> binder = new Binder<>();
    private final Display display;
    private final Clock clock;

    FraudEntryForm(Display display, Clock clock, Consumer<NewFraudListEntry> onAdd) {
        this.display = display;
        this.clock = clock;
        configureFields();
        bindFields();
        Button add = new Button(getTranslation("admin.fraud.add"), VaadinIcon.PLUS.create(), click -> {
            if (binder.validate().isOk())
                onAdd.accept(new NewFraudListEntry(
                        list.getValue(),
                        entry.getValue().trim(),
                        reason.getValue().trim(),
                        instant(expiresAt.getValue())));
        });
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.setId("add-fraud-entry");
        getContent().addClassName("toolbar");
        getContent().add(list, entry, reason, expiresAt, add);
    }

    private void configureFields() {
        list.setLabel(getTranslation("admin.fraud.list"));
        list.setItems(ListMatch.CUSTOMER, ListMatch.DEVICE);
        list.setItemLabelGenerator(code -> getTranslation("common.fraud-list." + code));
        list.setValue(ListMatch.CUSTOMER);
        list.setId("fraud-list");
        list.setWidth("9em");
        entry.setLabel(getTranslation("admin.fraud.entry"));
        entry.setId("fraud-entry");
        entry.setWidth("15em");
        reason.setLabel(getTranslation("admin.fraud.reason"));
        reason.setId("fraud-reason");
        reason.setWidth("16em");
        expiresAt.setLabel(getTranslation("admin.fraud.expires"));
        ComponentTexts.localise(expiresAt, display.locale());
        expiresAt.setDatePlaceholder(getTranslation("admin.fraud.never"));
        expiresAt.setWidth("17em");
        expiresAt.setId("fraud-expires");
    }

    private void bindFields() {
        // The binder only validates (the form reads its fields itself); a null setter would make a field read-only.
        binder.forField(entry)
                .asRequired(getTranslation("admin.fraud.entry.required"))
                .withValidator(text -> text.trim().length() <= ENTRY_MAX, getTranslation("admin.too-long", ENTRY_MAX))
                .bind(NewFraudListEntry::entry, (unused, value) -> {});
        binder.forField(reason)
                .asRequired(getTranslation("admin.fraud.reason.required"))
                .withValidator(text -> text.trim().length() <= REASON_MAX, getTranslation("admin.too-long", REASON_MAX))
                .bind(NewFraudListEntry::reason, (unused, value) -> {});
        binder.forField(expiresAt)
                .withValidator(
                        at -> at == null || instant(at).isAfter(clock.instant()),
                        getTranslation("admin.fraud.expires.past"))
                .bind(e -> null, (unused, value) -> {});
    }

    /** The picker shows the reader's wall-clock time; the entry expires at that moment in their zone. */
    private Instant instant(LocalDateTime at) {
        return at == null ? null : at.atZone(display.zone()).toInstant();
    }

    /** Empties the entry for the next one; the list chosen stays, as entries often come in runs. */
    void clear() {
        binder.readBean(null);
    }
}
