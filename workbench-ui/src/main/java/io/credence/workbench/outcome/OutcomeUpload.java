package io.credence.workbench.outcome;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import io.credence.outcome.OutcomeBatchResult;
import io.credence.outcome.OutcomeCsv;
import io.credence.outcome.OutcomeService;
import io.credence.outcome.RejectedOutcome;
import io.credence.shared.InvalidRequestException;
import io.credence.workbench.errors.Notices;
import io.credence.workbench.errors.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * Outcome records as a CSV (the API's field names as columns, a template to download), checked record by
 * record like the API's: the good rows are stored, and every refused one is listed with its line.
 */
class OutcomeUpload extends Composite<Div> {

    private final OutcomeService outcomes;
    private final String actor;
    private final Runnable stored;
    private final Paragraph result = new Paragraph();
    private final Grid<RejectedOutcome> rejected = new Grid<>();

    OutcomeUpload(OutcomeService outcomes, String actor, Runnable stored) {
        this.outcomes = outcomes;
        this.actor = actor;
        this.stored = stored;
        byte[] template = OutcomeCsv.TEMPLATE.getBytes(StandardCharsets.UTF_8);
        Anchor download = new Anchor(
                DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        new ByteArrayInputStream(template), "outcomes-template.csv", "text/csv", template.length)),
                getTranslation("performance.upload.template"));
        download.setId("outcomes-template");
        Upload upload = new Upload();
        upload.setId("outcomes-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
        upload.setUploadHandler(UploadHandler.toTempFile((metadata, file) -> getUI().ifPresent(ui -> ui.access(() -> {
            try (InputStream in = Files.newInputStream(file.toPath())) {
                show(outcomes.ingestCsv(actor, in));
            } catch (InvalidRequestException refused) {
                Notices.problem(Problem.of(refused));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                file.delete();
            }
        }))));
        rejected.setId("outcomes-rejected");
        rejected.setAllRowsVisible(true);
        rejected.addColumn(r -> Integer.toString(r.index() + 2))
                .setHeader(getTranslation("performance.upload.line"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        rejected.addColumn(r -> r.field().replaceFirst("^outcomes\\[\\d+]\\.?", ""))
                .setHeader(getTranslation("performance.upload.field"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        rejected.addColumn(RejectedOutcome::message).setHeader(getTranslation("performance.upload.message"));
        rejected.setVisible(false);
        getContent()
                .add(
                        new H3(getTranslation("performance.upload.title")),
                        new Paragraph(
                                getTranslation("performance.upload.intro", String.join(", ", OutcomeCsv.COLUMNS))),
                        download,
                        upload,
                        result,
                        rejected);
    }

    private void show(OutcomeBatchResult batch) {
        result.setText(getTranslation(
                "performance.upload.result",
                batch.accepted(),
                batch.rejected().stream().map(RejectedOutcome::index).distinct().count()));
        rejected.setItems(batch.rejected());
        rejected.setVisible(!batch.rejected().isEmpty());
        if (batch.accepted() > 0) stored.run();
    }
}
