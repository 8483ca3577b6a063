package io.credence.workbench.admin;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.credence.fraud.NewFraudListEntry;
import io.credence.vocabulary.ListMatch;
import java.time.ZoneId;
import java.util.function.Consumer;

/** A new fraud-list entry: which list, the customer id or device fingerprint, why, and until when. */
class FraudEntryForm extends Composite<Div> {

    private final Select<String> list = new Select<>();
    private final TextField entry = new TextField("Customer id or fingerprint");
    private final TextField reason = new TextField("Reason");
    private final DateTimePicker expiresAt = new DateTimePicker("Expires (optional)");

    FraudEntryForm(ZoneId zone, Consumer<NewFraudListEntry> onAdd) {
        list.setLabel("List");
        list.setItems(ListMatch.CUSTOMER, ListMatch.DEVICE);
        list.setValue(ListMatch.CUSTOMER);
        list.setId("fraud-list");
        list.setWidth("9em");
        entry.setRequiredIndicatorVisible(true);
        entry.setManualValidation(true);
        entry.setId("fraud-entry");
        entry.setWidth("15em");
        reason.setRequiredIndicatorVisible(true);
        reason.setManualValidation(true);
        reason.setId("fraud-reason");
        reason.setWidth("16em");
        expiresAt.setDatePlaceholder("never");
        expiresAt.setWidth("17em");
        expiresAt.setId("fraud-expires");
        Button add = new Button("Add to list", VaadinIcon.PLUS.create(), click -> {
            onAdd.accept(new NewFraudListEntry(list.getValue(), entry.getValue().trim(), reason.getValue().trim(),
                    expiresAt.getValue() == null ? null : expiresAt.getValue().atZone(zone).toInstant()));
        });
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.setId("add-fraud-entry");
        getContent().addClassName("toolbar");
        getContent().add(list, entry, reason, expiresAt, add);
    }

    void clear() {
        entry.clear();
        reason.clear();
        expiresAt.clear();
    }
}
