package io.credence.workbench.simulation;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import io.credence.policy.PolicyVersion;
import io.credence.simulation.Simulation;
import io.credence.simulation.SimulationRequest;
import io.credence.simulation.SimulationService;
import io.credence.workbench.i18n.ComponentTexts;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
        DEMO,
        DECISIONS,
        UPLOAD
    }

    record UploadedFile(Path file, String name) {}

    private final Select<String> market = new Select<>();
    private final Select<PolicyVersion> version = new Select<>();
    private final Select<PolicyVersion> against = new Select<>();
    private final RadioButtonGroup<Source> source = new RadioButtonGroup<>(getTranslation("simulation.form.source"));
    private final IntegerField limit = new IntegerField(getTranslation("simulation.form.limit"));
    private final Upload upload = new Upload();
    private final IntegerField minBandCount = new IntegerField(getTranslation("simulation.form.min-band"));
    private final Button start = new Button(getTranslation("simulation.form.start"), VaadinIcon.PLAY.create());
    private final Span sourceNote = new Span();
    private final Anchor template = new Anchor();
    private UploadedFile uploaded;
    private boolean hasDemo;
    private boolean hasDecisions = true;
    private String currentMarket;
    private java.util.function.Function<String, String> templateCsv = m -> "";

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
        sourceNote.setId("backtest-source-note");
        sourceNote.addClassName("backtest-source-note");
        template.setId("backtest-template");
        template.setText(getTranslation("simulation.template.download"));
        template.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] csv = templateCsv.apply(currentMarket).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(
                    new ByteArrayInputStream(csv),
                    "backtest-template-" + currentMarket + ".csv",
                    "text/csv",
                    csv.length);
        }));
        template.setTitle(getTranslation("simulation.template.tooltip"));
        Div notes = new Div(sourceNote, template);
        notes.addClassName("backtest-source-notes");
        getContent().add(row, sourceRow, notes, start);
        for (var field : List.of(version, against))
            field.addValueChangeListener(changed -> {
                if (changed.isFromClient()) fireEvent(new FormChanged(this));
            });
        source.addValueChangeListener(changed -> {
            if (changed.isFromClient()) fireEvent(new FormChanged(this));
        });
        getContent().addClassName("backtest-form");
    }

    private void configureSelects() {
        market.setLabel(getTranslation("common.market"));
        market.setId("backtest-market");
        market.addValueChangeListener(changed -> {
            if (changed.isFromClient() && changed.getValue() != null)
                fireEvent(new MarketChosen(this, changed.getValue()));
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
        return new IntegerField.IntegerFieldI18n()
                .setMinErrorMessage(range)
                .setMaxErrorMessage(range)
                .setBadInputErrorMessage(range)
                .setRequiredErrorMessage(range);
    }

    private void configureUpload() {
        upload.setId("backtest-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) SimulationService.MAX_UPLOAD_BYTES);
        upload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
        upload.setI18n(ComponentTexts.upload(
                getTranslation("simulation.upload.add-one"),
                getTranslation("simulation.upload.drop-one"),
                getTranslation("simulation.upload.too-many"),
                getTranslation("simulation.upload.wrong-type"),
                SimulationService.MAX_UPLOAD_BYTES / (1024 * 1024)));
        upload.setDropLabel(new Span(getTranslation("simulation.upload.drop")));
        upload.setUploadHandler(UploadHandler.toTempFile((metadata, file) -> getUI().ifPresent(ui -> ui.access(() -> {
            uploaded = new UploadedFile(file.toPath(), metadata.fileName());
            start.setEnabled(true);
            if (hasDecisions) sourceNote.setVisible(false);
            fireEvent(new FormChanged(this));
        }))));
        upload.addFileRemovedListener(removed -> uploaded = null);
    }

    void setMarkets(List<String> markets, String selected) {
        market.setItems(markets);
        market.setValue(selected);
    }

    /** Where the template download gets the market's CSV from. */
    void setTemplateSource(java.util.function.Function<String, String> csvOfMarket) {
        templateCsv = csvOfMarket;
    }

    /**
     * The market's versions, newest first; the candidate defaults to the newest, the comparison to the
     * champion. Without logged decisions the "recent decisions" source is off and the form says to upload.
     */
    void setVersions(
            String marketCode,
            List<PolicyVersion> versions,
            Integer preferred,
            Integer champion,
            boolean demoShips,
            boolean decisionsLogged) {
        currentMarket = marketCode;
        hasDemo = demoShips;
        hasDecisions = decisionsLogged;
        template.setText(getTranslation("simulation.template.download-market", marketCode));
        version.setItems(versions);
        against.setItems(versions);
        versions.stream()
                .filter(v -> preferred == null || v.version() == preferred)
                .findFirst()
                .ifPresent(version::setValue);
        versions.stream()
                .filter(v -> Objects.equals(v.version(), champion))
                .findFirst()
                .or(() -> versions.stream().findFirst())
                .ifPresent(against::setValue);
        source.setItemEnabledProvider(
                s -> (s != Source.DEMO || demoShips) && (s != Source.DECISIONS || decisionsLogged));
        source.setValue(demoShips ? Source.DEMO : decisionsLogged ? Source.DECISIONS : Source.UPLOAD);
        sourceNote.setText(decisionsLogged ? "" : getTranslation("simulation.form.no-decisions", marketCode));
        sourceNote.setVisible(!decisionsLogged);
        showSourceFields();
    }

    /**
     * The form as the shown report ran: its versions and rows. An uploaded file is not kept after a
     * run, so the form names it and asks for it again rather than pretend it is still there.
     */
    void showRun(Simulation run) {
        version.getListDataView()
                .getItems()
                .filter(v -> v.version() == run.version())
                .findFirst()
                .ifPresent(version::setValue);
        against.getListDataView()
                .getItems()
                .filter(v -> v.version() == run.against())
                .findFirst()
                .ifPresent(against::setValue);
        Source ran = switch (run.source()) {
            case SimulationRequest.DEMO -> Source.DEMO;
            case SimulationRequest.DECISIONS -> Source.DECISIONS;
            default -> Source.UPLOAD;
        };
        source.setValue(ran);
        if (ran == Source.DECISIONS && run.limit() != null) limit.setValue(run.limit());
        minBandCount.setValue(run.minBandCount());
        if (ran == Source.UPLOAD && uploaded == null) {
            sourceNote.setText(
                    getTranslation("simulation.form.upload-again", run.fileName() == null ? "" : run.fileName()));
            sourceNote.setVisible(true);
        }
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

    /** The person changed the versions or rows: a report shown below no longer describes the form. */
    static final class FormChanged extends ComponentEvent<BacktestForm> {
        FormChanged(BacktestForm form) {
            super(form, true);
        }
    }

    Registration addFormChangedListener(ComponentEventListener<FormChanged> listener) {
        return addListener(FormChanged.class, listener);
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
        boolean ready = require(market, "simulation.form.market.required")
                & require(version, "simulation.form.version.required")
                & require(against, "simulation.form.against.required");
        if (source.getValue() == null || (source.getValue() == Source.DEMO && !hasDemo)) {
            source.setErrorMessage(getTranslation(
                    source.getValue() == null ? "simulation.form.source.required" : "simulation.form.demo-missing"));
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
        fireEvent(new StartRequested(
                this,
                market.getValue(),
                new SimulationRequest(
                        version.getValue().version(),
                        against.getValue().version(),
                        source.getValue() == Source.DEMO
                                ? SimulationRequest.DEMO
                                : source.getValue() == Source.DECISIONS ? SimulationRequest.DECISIONS : null,
                        source.getValue() == Source.DECISIONS ? limit.getValue() : null,
                        minBandCount.getValue()),
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
