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
import io.credence.workbench.i18n.ComponentTexts;
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
        DEMO, DECISIONS, UPLOAD
    }

    record UploadedFile(Path file, String name) {
    }

    private final Select<String> market = new Select<>();
    private final Select<PolicyVersion> version = new Select<>();
    private final Select<PolicyVersion> against = new Select<>();
    private final RadioButtonGroup<Source> source = new RadioButtonGroup<>(getTranslation("simulation.form.source"));
    private final IntegerField limit = new IntegerField(getTranslation("simulation.form.limit"));
    private final Upload upload = new Upload();
    private final IntegerField minBandCount = new IntegerField(getTranslation("simulation.form.min-band"));
    private final Button start = new Button(getTranslation("simulation.form.start"), VaadinIcon.PLAY.create());
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
        market.setLabel(getTranslation("common.market"));
        market.setId("backtest-market");
        market.addValueChangeListener(changed -> {
            if (changed.isFromClient() && changed.getValue() != null) fireEvent(new MarketChosen(this, changed.getValue()));
        });
        version.setLabel(getTranslation("simulation.form.version"));
        version.setId("backtest-version");
        against.setLabel(getTranslation("simulation.form.against"));
        against.setId("backtest-against");
        for (Select<PolicyVersion> select : List.of(version, against)) {
            select.setWidth("17em");
            select.setItemLabelGenerator(v -> "v" + v.version() + " · "
                    + getTranslation("simulation.version-status." + v.status().name()) + " · " + v.author());
        }
        minBandCount.setId("backtest-min-band");
        minBandCount.setValue(SimulationRequest.DEFAULT_MIN_BAND_COUNT);
        minBandCount.setMin(1);
        minBandCount.setStepButtonsVisible(true);
        minBandCount.setMax(SimulationRequest.MAX_LIMIT);
        minBandCount.setTooltipText(getTranslation("simulation.form.min-band.tooltip"));
        minBandCount.setI18n(range());
    }

    private void configureSource() {
        source.setId("backtest-source");
        source.setItems(Source.values());
        source.setItemLabelGenerator(s -> getTranslation("simulation.form.source." + s.name()));
        source.addValueChangeListener(changed -> showSourceFields());
        limit.setId("backtest-limit");
        limit.setValue(SimulationRequest.DEFAULT_LIMIT);
        limit.setMin(1);
        limit.setMax(SimulationRequest.MAX_LIMIT);
        limit.setI18n(range());
    }

    private IntegerField.IntegerFieldI18n range() {
        String range = getTranslation("simulation.form.range", Integer.toString(SimulationRequest.MAX_LIMIT));
        return new IntegerField.IntegerFieldI18n().setMinErrorMessage(range).setMaxErrorMessage(range)
                .setBadInputErrorMessage(range).setRequiredErrorMessage(range);
    }

    private void configureUpload() {
        upload.setId("backtest-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) SimulationService.MAX_UPLOAD_BYTES);
        upload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
        upload.setI18n(ComponentTexts.upload(getTranslation("simulation.upload.add-one"),
                getTranslation("simulation.upload.drop-one"), getTranslation("simulation.upload.too-many"),
                getTranslation("simulation.upload.wrong-type"), SimulationService.MAX_UPLOAD_BYTES / (1024 * 1024)));
        upload.setDropLabel(new Span(getTranslation("simulation.upload.drop")));
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
        source.setInvalid(false);
        limit.setVisible(chosen == Source.DECISIONS);
        upload.setVisible(chosen == Source.UPLOAD);
        start.setEnabled(chosen != Source.UPLOAD || uploaded != null);
    }

    /** Says in the reader's language what is missing, field by field, before anything reaches the engine. */
    private void requestStart() {
        List.of(market, version, against).forEach(select -> select.setInvalid(false));
        source.setInvalid(false);
        boolean ready = require(market, "simulation.form.market.required") & require(version, "simulation.form.version.required")
                & require(against, "simulation.form.against.required");
        if (source.getValue() == null || (source.getValue() == Source.DEMO && !hasDemo)) {
            source.setErrorMessage(getTranslation(source.getValue() == null ? "simulation.form.source.required"
                    : "simulation.form.demo-missing"));
            source.setInvalid(true);
            ready = false;
        } else if (source.getValue() == Source.UPLOAD && uploaded == null) {
            source.setErrorMessage(getTranslation("simulation.form.file.required"));
            source.setInvalid(true);
            ready = false;
        }
        if (source.getValue() == Source.DECISIONS && (limit.isInvalid() || limit.getValue() == null)) {
            ready = invalid(limit);
        }
        if (minBandCount.isInvalid() || minBandCount.getValue() == null) ready = invalid(minBandCount);
        if (!ready) return;
        fireEvent(new StartRequested(this, market.getValue(), new SimulationRequest(version.getValue().version(),
                against.getValue().version(), source.getValue() == Source.DEMO ? SimulationRequest.DEMO
                        : source.getValue() == Source.DECISIONS ? SimulationRequest.DECISIONS : null,
                source.getValue() == Source.DECISIONS ? limit.getValue() : null, minBandCount.getValue()),
                source.getValue() == Source.UPLOAD ? uploaded : null));
    }

    private boolean require(Select<?> select, String key) {
        if (select.getValue() != null) return true;
        select.setErrorMessage(getTranslation(key));
        select.setInvalid(true);
        return false;
    }

    private boolean invalid(IntegerField field) {
        field.setErrorMessage(getTranslation("simulation.form.range", Integer.toString(SimulationRequest.MAX_LIMIT)));
        field.setInvalid(true);
        return false;
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
