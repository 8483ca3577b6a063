package io.credence.workbench.policy;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import io.credence.engine.ArtifactError;
import io.credence.engine.RiskModelSettings;
import io.credence.scorecard.ModelSummary;
import io.credence.scorecard.ScorecardTable;
import io.credence.workbench.i18n.ComponentTexts;
import io.credence.workbench.i18n.Words;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The risk model as an analyst checks it: a scorecard's characteristics and bins, a regression's
 * coefficients, a tree ensemble's size and its inputs' importance; every model's inputs with the
 * vocabulary field feeding each (market.json model.inputs) and whether its type fits; the PMML source,
 * and (for the author of a draft) an upload that puts a new PMML document of any model type into it.
 */
class ScorecardPane extends Div {

    static final int MAX_PMML_BYTES = 2 * 1024 * 1024;

    private final Div summary = new Div();
    private final Div table = new Div();
    private final Div problem = new Div();
    private final Upload upload = new Upload();
    private final DrlEditor source = new DrlEditor(DrlEditor.Mode.XML);
    private String parseProblem;
    private String uploadProblem;
    private List<ArtifactError> errors = List.of();
    private final Div mapping = new Div();
    private Map<String, RiskModelSettings.Input> inputs = Map.of();
    private String modelName;
    private String shown;

    ScorecardPane() {
        addClassName("scorecard-pane");
        summary.addClassName("scorecard-summary");
        problem.addClassName("inline-problem");
        problem.setVisible(false);
        source.setReadOnly(true);
        source.setHeight("420px");
        configureUpload();
        mapping.addClassName("model-mapping");
        add(upload, problem, summary, table, mapping, new Details(getTranslation("editor.scorecard.source"), source));
    }

    private void configureUpload() {
        upload.setAcceptedFileTypes(".pmml", ".xml", "application/xml", "text/xml");
        upload.setId("scorecard-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_PMML_BYTES);
        upload.setDropLabel(new Span(getTranslation("editor.scorecard.drop")));
        upload.setI18n(uploadTexts());
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
            String pmml = new String(bytes, StandardCharsets.UTF_8);
            getUI().ifPresent(ui -> ui.access(() -> {
                upload.clearFileList();
                showUploadProblem(null);
                fireEvent(new ScorecardUploaded(this, metadata.fileName(), pmml));
            }));
        }));
        upload.addFileRejectedListener(rejected -> showUploadProblem(rejected.getErrorMessage()));
    }

    /** Vaadin's own upload texts (button, drop hint, refusals, progress) in the reader's language. */
    private UploadI18N uploadTexts() {
        return ComponentTexts.upload(
                getTranslation("editor.upload.add"),
                getTranslation("editor.upload.drop"),
                getTranslation("editor.upload.too-many"),
                getTranslation("editor.upload.wrong-type"),
                MAX_PMML_BYTES / (1024 * 1024));
    }

    void setUploadVisible(boolean visible) {
        upload.setVisible(visible);
    }

    /**
     * market.json's {@code model} section (inputs and name), which says how the model's inputs are fed;
     * a market.json that does not read maps nothing, and its own tab says why.
     */
    void useSettings(String marketJson) {
        RiskModelSettings model = RiskModelSettings.of(marketJson);
        inputs = model.inputs();
        modelName = model.name();
        if (shown != null) show(shown);
    }

    /** A scorecard as its characteristics and bins; any other model as its type, coefficients or trees. */
    void show(String pmml) {
        shown = pmml;
        source.setValue(pmml);
        summary.removeAll();
        table.removeAll();
        mapping.removeAll();
        parseProblem = null;
        ModelSummary model = null;
        try {
            model = ModelSummary.parse(pmml, modelName);
        } catch (RuntimeException e) {
            parseProblem = getTranslation("editor.scorecard.unreadable", e.getMessage());
        }
        if (model != null && model.modelType().equals("Scorecard")) {
            try {
                render(ScorecardTable.parse(pmml));
            } catch (RuntimeException e) {
                parseProblem = getTranslation("editor.scorecard.unreadable", e.getMessage());
            }
        } else if (model != null) {
            renderModel(model);
        }
        if (model != null) {
            mapping.add(
                    new H4(getTranslation("editor.model.inputs")),
                    new Html(ModelHtml.inputs(model, model.check(inputs), this::getTranslation)));
        }
        refreshProblem();
    }

    private void renderModel(ModelSummary model) {
        summary.add(
                fact("editor.scorecard.model", model.modelName()),
                fact("editor.model.type", model.modelType()),
                fact("editor.model.function", model.function()));
        if (!model.classes().isEmpty()) summary.add(fact("editor.model.classes", String.join(", ", model.classes())));
        if (model.trees() > 0) summary.add(fact("editor.model.trees", String.valueOf(model.trees())));
        if (!model.coefficients().isEmpty()) {
            table.add(
                    new H4(getTranslation("editor.model.coefficients")),
                    new Html(ModelHtml.coefficients(model, this::getTranslation)));
        }
    }

    /** Compilation errors of scorecard.pmml: PMML errors rarely have a line, so they are spelt out here. */
    void showErrors(List<ArtifactError> errors) {
        this.errors = errors;
        source.setErrors(errors);
        refreshProblem();
    }

    void showUploadProblem(String message) {
        uploadProblem = message;
        refreshProblem();
    }

    private void refreshProblem() {
        List<String> lines = new ArrayList<>();
        if (uploadProblem != null) lines.add(uploadProblem);
        if (parseProblem != null) lines.add(parseProblem);
        errors.forEach(e -> lines.add(e.message()));
        problem.setText(String.join("\n", lines));
        problem.setVisible(!lines.isEmpty());
    }

    private void render(ScorecardTable scorecard) {
        summary.removeAll();
        Words words = this::getTranslation;
        summary.add(
                fact("editor.scorecard.model", scorecard.modelName()),
                fact("editor.scorecard.initial-score", ScorecardHtml.points(scorecard.initialScore(), words)),
                fact(
                        "editor.scorecard.reason-codes",
                        scorecard.usesReasonCodes()
                                ? scorecard.reasonCodeAlgorithm()
                                : getTranslation("editor.scorecard.reason-codes.unused")),
                fact(
                        "editor.scorecard.score-range",
                        getTranslation(
                                "editor.scorecard.score-range.value",
                                ScorecardHtml.points(scorecard.lowestTotal(), words),
                                ScorecardHtml.points(scorecard.highestTotal(), words))));
        table.removeAll();
        table.add(new Html(ScorecardHtml.table(scorecard, words)));
    }

    private Span fact(String labelKey, String value) {
        Span fact = new Span(getTranslation("editor.fact", getTranslation(labelKey), value == null ? "—" : value));
        fact.addClassName("fact");
        return fact;
    }

    Registration addScorecardUploadedListener(ComponentEventListener<ScorecardUploaded> listener) {
        return addListener(ScorecardUploaded.class, listener);
    }

    static class ScorecardUploaded extends ComponentEvent<ScorecardPane> {
        private final String fileName;
        private final String pmml;

        ScorecardUploaded(ScorecardPane source, String fileName, String pmml) {
            super(source, true);
            this.fileName = fileName;
            this.pmml = pmml;
        }

        String fileName() {
            return fileName;
        }

        String pmml() {
            return pmml;
        }
    }
}
