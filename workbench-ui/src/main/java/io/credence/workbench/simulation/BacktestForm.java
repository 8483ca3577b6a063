package io.credence.workbench.simulation;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import io.credence.policy.PolicyVersion;
import io.credence.simulation.SimulationRequest;
import io.credence.simulation.SimulationService;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to backtest: a market, the candidate version, the version to compare with (the champion unless
 * changed) and the rows: the German credit demo, the latest logged decisions, or an uploaded CSV.
 * Fires {@link MarketChosen} and {@link StartRequested}; the view does the rest.
 */
class BacktestForm extends Composite<Div> {

    enum Source {
        DEMO("German credit demo"), DECISIONS("Recent decisions"), UPLOAD("Upload a CSV");

        final String label;

        Source(String label) {
            this.label = label;
        }
    }

    record UploadedFile(Path file, String name) {
    }

    private final Select<String> market = new Select<>();
    private final Select<PolicyVersion> version = new Select<>();
    private final Select<PolicyVersion> against = new Select<>();
    private final RadioButtonGroup<Source> source = new RadioButtonGroup<>("Applications");
    private final IntegerField limit = new IntegerField("How many");
    private final Upload upload = new Upload();
    private final IntegerField minBandCount = new IntegerField("Min. per age band");
    private final Button start = new Button("Run backtest", VaadinIcon.PLAY.create());
    private UploadedFile uploaded;
    private boolean hasDemo;

    BacktestForm() {
        configureSelects();
        configureSource();
        configureUpload();
        start.setId("backtest-start");
        start.addThemeVariants(ButtonVariant.PRIMARY);
        start.addClickListener(click -> requestStart());
        Div row = new Div(market, version, against, minBandCount);
        row.addClassName("toolbar");
        Div sourceRow = new Div(source, limit, upload);
        sourceRow.addClassNames("toolbar", "backtest-source-row");
        getContent().add(row, sourceRow, start);
        getContent().addClassName("backtest-form");
    }

    private void configureSelects() {
        market.setLabel("Market");
        market.setId("backtest-market");
        market.addValueChangeListener(changed -> {
            if (changed.isFromClient() && changed.getValue() != null) fireEvent(new MarketChosen(this, changed.getValue()));
        });
        version.setLabel("Candidate version");
        version.setId("backtest-version");
        against.setLabel("Compared with");
        against.setId("backtest-against");
        for (Select<PolicyVersion> select : List.of(version, against)) {
            select.setWidth("17em");
            select.setItemLabelGenerator(v -> "v" + v.version() + " · " + v.status().name().replace('_', ' ').toLowerCase()
                    + " · " + v.author());
        }
        minBandCount.setId("backtest-min-band");
        minBandCount.setValue(SimulationRequest.DEFAULT_MIN_BAND_COUNT);
        minBandCount.setMin(1);
        minBandCount.setStepButtonsVisible(true);
        minBandCount.setTooltipText("Age bands with fewer applications are left out of the four-fifths ratio");
    }

    private void configureSource() {
        source.setId("backtest-source");
        source.setItems(Source.values());
        source.setItemLabelGenerator(s -> s.label);
        source.addValueChangeListener(changed -> showSourceFields());
        limit.setId("backtest-limit");
        limit.setValue(SimulationRequest.DEFAULT_LIMIT);
        limit.setMin(1);
        limit.setMax(SimulationRequest.MAX_LIMIT);
    }

    private void configureUpload() {
        upload.setId("backtest-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) SimulationService.MAX_UPLOAD_BYTES);
        upload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
        upload.setDropLabel(new Span("Drop a CSV of applications (columns named by JSON path, optional label good/bad)"));
        upload.setUploadHandler(UploadHandler.toTempFile((metadata, file) -> getUI().ifPresent(ui -> ui.access(() -> {
            uploaded = new UploadedFile(file.toPath(), metadata.fileName());
            start.setEnabled(true);
        }))));
        upload.addFileRemovedListener(removed -> uploaded = null);
    }

    void setMarkets(List<String> markets, String selected) {
        market.setItems(markets);
        market.setValue(selected);
    }

    /** The market's versions, newest first; the candidate defaults to the newest, the comparison to the champion. */
    void setVersions(List<PolicyVersion> versions, Integer preferred, Integer champion, boolean demoShips) {
        hasDemo = demoShips;
        version.setItems(versions);
        against.setItems(versions);
        versions.stream().filter(v -> preferred == null || v.version() == preferred).findFirst().ifPresent(version::setValue);
        versions.stream().filter(v -> Objects.equals(v.version(), champion)).findFirst()
                .or(() -> versions.stream().findFirst()).ifPresent(against::setValue);
        source.setItemEnabledProvider(s -> s != Source.DEMO || demoShips);
        source.setValue(demoShips ? Source.DEMO : Source.DECISIONS);
        showSourceFields();
    }

    void setStartAllowed(boolean allowed) {
        start.setVisible(allowed);
        source.setEnabled(allowed);
        upload.setVisible(allowed && source.getValue() == Source.UPLOAD);
    }

    void uploadConsumed() {
        uploaded = null;
        upload.clearFileList();
    }

    private void showSourceFields() {
        Source chosen = source.getValue();
        limit.setVisible(chosen == Source.DECISIONS);
        upload.setVisible(chosen == Source.UPLOAD);
        start.setEnabled(chosen != Source.UPLOAD || uploaded != null);
    }

    private void requestStart() {
        if (version.getValue() == null || against.getValue() == null || source.getValue() == null) return;
        if (source.getValue() == Source.DEMO && !hasDemo) return;
        fireEvent(new StartRequested(this, market.getValue(), new SimulationRequest(version.getValue().version(),
                against.getValue().version(), source.getValue() == Source.DEMO ? SimulationRequest.DEMO
                        : source.getValue() == Source.DECISIONS ? SimulationRequest.DECISIONS : null,
                source.getValue() == Source.DECISIONS ? limit.getValue() : null, minBandCount.getValue()),
                source.getValue() == Source.UPLOAD ? uploaded : null));
    }

    static final class MarketChosen extends ComponentEvent<BacktestForm> {
        final String market;

        MarketChosen(BacktestForm form, String market) {
            super(form, true);
            this.market = market;
        }
    }

    /** {@code upload} is set when the rows come from an uploaded file. */
    static final class StartRequested extends ComponentEvent<BacktestForm> {
        final String market;
        final SimulationRequest request;
        final UploadedFile upload;

        StartRequested(BacktestForm form, String market, SimulationRequest request, UploadedFile upload) {
            super(form, false);
            this.market = market;
            this.request = request;
            this.upload = upload;
        }
    }

    Registration addMarketChosenListener(ComponentEventListener<MarketChosen> listener) {
        return addListener(MarketChosen.class, listener);
    }

    Registration addStartRequestedListener(ComponentEventListener<StartRequested> listener) {
        return addListener(StartRequested.class, listener);
    }
}
