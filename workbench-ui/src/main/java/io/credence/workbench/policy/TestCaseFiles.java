package io.credence.workbench.policy;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import io.credence.shared.FieldProblem;
import io.credence.workbench.i18n.ComponentTexts;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * A version's test cases as a CSV file: downloaded to work on in a spreadsheet, uploaded back into a
 * draft (added to its cases, or replacing them). A refused file is listed line by line; nothing of it is saved.
 */
class TestCaseFiles extends Div {

    private static final int MAX_CSV_BYTES = 2 * 1024 * 1024;

    private final Anchor download = new Anchor();
    private final Upload upload = new Upload();
    private final Checkbox replace = new Checkbox(getTranslation("editor.tests.csv.replace"));
    private final Div report = new Div();
    private Supplier<String> csv = () -> "";

    TestCaseFiles() {
        addClassNames("toolbar", "test-case-files");
        download.setText(getTranslation("editor.tests.csv.download"));
        download.setId("test-cases-download");
        configureUpload();
        replace.setId("test-cases-replace");
        report.setId("test-cases-import-report");
        report.addClassName("error-list");
        report.setVisible(false);
        add(download, upload, replace, report);
    }

    private void configureUpload() {
        upload.setId("test-cases-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_CSV_BYTES);
        upload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
        upload.setDropLabel(new Span(getTranslation("editor.tests.csv.drop")));
        upload.setI18n(ComponentTexts.upload(
                getTranslation("editor.tests.csv.upload"),
                getTranslation("editor.upload.drop"),
                getTranslation("editor.upload.too-many"),
                getTranslation("editor.tests.csv.wrong-type"),
                MAX_CSV_BYTES / (1024 * 1024)));
        // Cleared after each file, so the corrected file can be dropped without removing the refused one.
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() -> {
            upload.clearFileList();
            fireEvent(new CasesUploaded(
                    this, metadata.fileName(), new String(bytes, StandardCharsets.UTF_8), replace.getValue()));
        }))));
    }

    /** Where the download reads from: the open version's cases as they are stored when it is clicked. */
    void prepare(String fileName, Supplier<String> csv, boolean canUpload) {
        this.csv = csv;
        download.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = this.csv.get().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "text/csv", bytes.length);
        }));
        upload.setVisible(canUpload);
        replace.setVisible(canUpload);
        showProblems(null, List.of());
    }

    /** The refusal of {@code fileName}, one line per problem as the service names it ("line 4: applicant.age"). */
    void showProblems(String fileName, List<FieldProblem> problems) {
        report.removeAll();
        report.setVisible(!problems.isEmpty());
        if (problems.isEmpty()) return;
        UnorderedList lines = new UnorderedList();
        problems.forEach(p -> lines.add(new ListItem(p.field() + ": " + p.message())));
        report.add(new Span(getTranslation("editor.tests.csv.refused", fileName, problems.size())), lines);
    }

    Registration addCasesUploadedListener(ComponentEventListener<CasesUploaded> listener) {
        return addListener(CasesUploaded.class, listener);
    }

    static class CasesUploaded extends ComponentEvent<TestCaseFiles> {
        private final String fileName;
        private final String csv;
        private final boolean replace;

        CasesUploaded(TestCaseFiles source, String fileName, String csv, boolean replace) {
            super(source, true);
            this.fileName = fileName;
            this.csv = csv;
            this.replace = replace;
        }

        String fileName() {
            return fileName;
        }

        String csv() {
            return csv;
        }

        boolean replace() {
            return replace;
        }
    }
}
