package io.credence.workbench.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.credence.fraud.FraudListEntry;
import io.credence.fraud.FraudLists;
import io.credence.fraud.NewFraudListEntry;
import io.credence.policy.PolicyService;
import io.credence.workbench.components.Confirmations;
import io.credence.workbench.errors.Notices;
import io.credence.workbench.format.Display;
import io.credence.workbench.layout.MainLayout;
import io.credence.workbench.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;

/** The customers and devices each market's fraud rules see as listed; changes apply within seconds. */
@Route(value = "admin/fraud-lists", layout = MainLayout.class)
@PageTitle("Fraud lists")
@RolesAllowed("ADMIN")
public class FraudListsView extends VerticalLayout {

    private final FraudLists lists;
    private final CurrentUser user;
    private final Display display = Display.current();
    private final Select<String> market = new Select<>();
    private final FraudEntryForm form;
    private final Grid<FraudListEntry> grid = new Grid<>();

    FraudListsView(FraudLists lists, PolicyService policies, CurrentUser user) {
        this.lists = lists;
        this.user = user;
        this.form = new FraudEntryForm(display.zone(), this::add);
        addClassName("page");
        setSizeFull();
        configureMarket(policies);
        configureGrid();
        Paragraph intro = new Paragraph("Entries are matched exactly against applicant.customerId and "
                + "device.fingerprint; a match is a fact the market's fraud rules decide on. Changes apply within seconds.");
        intro.addClassName("page-intro");
        HorizontalLayout header = new HorizontalLayout(market, intro);
        header.setAlignItems(FlexComponent.Alignment.END);
        add(header, form, grid);
        refresh();
    }

    private void configureMarket(PolicyService policies) {
        market.setLabel("Market");
        market.setWidth("9em");
        market.setId("fraud-market");
        market.setItems(policies.markets());
        market.setValue(policies.markets().isEmpty() ? null : policies.markets().getFirst());
        market.addValueChangeListener(change -> refresh());
    }

    private void configureGrid() {
        grid.setId("fraud-entries");
        grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(FraudListEntry::list).setHeader("List").setWidth("8rem").setFlexGrow(0);
        grid.addColumn(FraudListEntry::entry).setHeader("Entry").setWidth("12rem").setFlexGrow(0);
        grid.addColumn(FraudListEntry::reason).setHeader("Reason").setFlexGrow(1);
        grid.addColumn(e -> e.expiresAt() == null ? "never" : display.dateTime(e.expiresAt())).setHeader("Expires")
                .setWidth("12rem").setFlexGrow(0);
        grid.addColumn(e -> e.createdBy() + ", " + display.dateTime(e.createdAt())).setHeader("Added")
                .setWidth("16rem").setFlexGrow(0);
        grid.addComponentColumn(this::removeButton).setWidth("8rem").setFlexGrow(0);
        grid.setEmptyStateText("Nothing is listed in this market.");
    }

    private Component removeButton(FraudListEntry entry) {
        Button remove = new Button("Remove", VaadinIcon.TRASH.create(), click -> Confirmations.askDestructive(
                "Remove " + entry.entry() + "?", "Applications from it are no longer matched against this entry.",
                "Remove", () -> remove(entry)));
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR, ButtonVariant.SMALL);
        return remove;
    }

    private void add(NewFraudListEntry entry) {
        lists.add(user.name(), market.getValue(), entry);
        form.clear();
        Notices.success(entry.entry() + " added to the " + entry.list() + " list of " + market.getValue() + ".");
        refresh();
    }

    private void remove(FraudListEntry entry) {
        lists.remove(user.name(), entry.market(), entry.id());
        Notices.success(entry.entry() + " removed from the " + entry.list() + " list of " + entry.market() + ".");
        refresh();
    }

    private void refresh() {
        grid.setItems(market.getValue() == null ? java.util.List.of() : lists.list(market.getValue()));
    }
}
