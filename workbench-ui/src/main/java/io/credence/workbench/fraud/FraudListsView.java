package io.credence.workbench.fraud;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import io.credence.fraud.FraudListEntry;
import io.credence.fraud.FraudLists;
import io.credence.fraud.NewFraudListEntry;
import io.credence.policy.PolicyService;
import io.credence.shared.InvalidRequestException;
import io.credence.vocabulary.ListMatch;
import io.credence.workbench.components.Confirmations;
import io.credence.workbench.errors.Notices;
import io.credence.workbench.errors.Problem;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.TranslatedTitle;
import io.credence.workbench.layout.MainLayout;
import io.credence.workbench.signin.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** The customers and devices each market's fraud rules see as listed; changes apply within seconds. */
@Route(value = "admin/fraud-lists", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class FraudListsView extends VerticalLayout implements TranslatedTitle {

    private final FraudLists lists;
    private final CurrentUser user;
    private final Display display = Display.current();
    private final Select<String> market = new Select<>();
    private final FraudEntryForm form;
    private final Grid<FraudListEntry> grid = new Grid<>();

    FraudListsView(FraudLists lists, PolicyService policies, CurrentUser user, Clock clock) {
        this.lists = lists;
        this.user = user;
        this.form = new FraudEntryForm(display, clock, this::add);
        addClassName("page");
        setSizeFull();
        configureMarket(policies);
        configureGrid();
        Paragraph intro = new Paragraph(getTranslation("admin.fraud.intro"));
        intro.addClassName("page-intro");
        HorizontalLayout header = new HorizontalLayout(market, intro);
        header.setAlignItems(FlexComponent.Alignment.END);
        add(header, form, csvTools(), grid);
        refresh();
    }

    @Override
    public String heading() {
        return getTranslation("admin.fraud.title");
    }

    private void configureMarket(PolicyService policies) {
        market.setLabel(getTranslation("common.market"));
        market.setWidth("9em");
        market.setId("fraud-market");
        // "All markets" holds the entries every market's fraud rules see, listed once.
        java.util.List<String> choices = new java.util.ArrayList<>(policies.markets());
        choices.add(FraudLists.EVERY_MARKET);
        market.setItems(choices);
        market.setItemLabelGenerator(
                m -> FraudLists.EVERY_MARKET.equals(m) ? getTranslation("admin.fraud.every-market") : m);
        market.setValue(policies.markets().isEmpty() ? null : policies.markets().getFirst());
        market.addValueChangeListener(change -> refresh());
    }

    private void configureGrid() {
        grid.setId("fraud-entries");
        grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(e -> listName(e.list()))
                .setHeader(getTranslation("admin.fraud.list"))
                .setWidth("8rem")
                .setFlexGrow(0);
        grid.addColumn(FraudListEntry::entry)
                .setHeader(getTranslation("admin.fraud.entry-column"))
                .setWidth("12rem")
                .setFlexGrow(0);
        grid.addColumn(FraudListEntry::reason)
                .setHeader(getTranslation("admin.fraud.reason"))
                .setFlexGrow(1);
        grid.addColumn(e ->
                        e.expiresAt() == null ? getTranslation("admin.fraud.never") : display.dateTime(e.expiresAt()))
                .setHeader(getTranslation("admin.fraud.expires-column"))
                .setWidth("12rem")
                .setFlexGrow(0);
        grid.addColumn(e -> getTranslation("admin.fraud.added-by", e.createdBy(), display.dateTime(e.createdAt())))
                .setHeader(getTranslation("admin.fraud.added"))
                .setWidth("16rem")
                .setFlexGrow(0);
        grid.addComponentColumn(this::removeButton).setWidth("8rem").setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("admin.fraud.empty"));
    }

    /** Bulk: the market's entries as CSV, and a CSV of entries added all at once or not at all. */
    private Component csvTools() {
        Anchor export = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] csv = lists.exportCsv(market.getValue()).getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(
                            new ByteArrayInputStream(csv),
                            "fraud-list-" + market.getValue() + ".csv",
                            "text/csv",
                            csv.length);
                }),
                getTranslation("admin.fraud.export"));
        export.setId("fraud-export");
        Upload upload = new Upload();
        // Cleared after each file, so the next import does not need the last one removed first.
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() -> {
            importCsv(metadata.fileName(), new String(bytes, StandardCharsets.UTF_8));
            upload.clearFileList();
        }))));
        upload.setId("fraud-import");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(2 * 1024 * 1024);
        upload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
        upload.setUploadButton(new Button(getTranslation("admin.fraud.import"), VaadinIcon.UPLOAD.create()));
        upload.setDropLabel(new Span(getTranslation("admin.fraud.import.drop")));
        Div tools = new Div(upload, export);
        tools.addClassNames("toolbar", "fraud-csv-tools");
        return tools;
    }

    private void importCsv(String fileName, String csv) {
        try {
            var added = lists.importCsv(user.name(), market.getValue(), csv);
            Notices.success(
                    getTranslation("admin.fraud.imported", added.size(), fileName, marketName(market.getValue())));
        } catch (InvalidRequestException refused) {
            Problem problem = Problem.of(refused);
            Notices.problem(new Problem(
                    getTranslation("admin.fraud.import-refused", fileName),
                    problem.detail(),
                    true,
                    problem.httpStatus(),
                    null));
        }
        refresh();
    }

    private String marketName(String code) {
        return FraudLists.EVERY_MARKET.equals(code) ? getTranslation("admin.fraud.every-market") : code;
    }

    private Component removeButton(FraudListEntry entry) {
        Button remove = new Button(
                getTranslation("admin.fraud.remove"),
                VaadinIcon.TRASH.create(),
                click -> Confirmations.askDestructive(
                        getTranslation("admin.fraud.remove.question", entry.entry()),
                        getTranslation("admin.fraud.remove.consequence"),
                        getTranslation("admin.fraud.remove"),
                        () -> remove(entry)));
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR, ButtonVariant.SMALL);
        return remove;
    }

    private void add(NewFraudListEntry entry) {
        lists.add(user.name(), market.getValue(), entry);
        form.clear();
        Notices.success(
                getTranslation("admin.fraud.added-notice", entry.entry(), listName(entry.list()), market.getValue()));
        refresh();
    }

    private void remove(FraudListEntry entry) {
        lists.remove(user.name(), entry.market(), entry.id());
        Notices.success(
                getTranslation("admin.fraud.removed-notice", entry.entry(), listName(entry.list()), entry.market()));
        refresh();
    }

    private String listName(String list) {
        return ListMatch.CUSTOMER.equals(list) || ListMatch.DEVICE.equals(list)
                ? getTranslation("common.fraud-list." + list)
                : list;
    }

    private void refresh() {
        grid.setItems(market.getValue() == null ? java.util.List.of() : lists.list(market.getValue()));
    }
}
