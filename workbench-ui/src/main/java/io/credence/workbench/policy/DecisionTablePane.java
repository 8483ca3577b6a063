package io.credence.workbench.policy;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import io.credence.engine.ArtifactError;
import io.credence.engine.DecisionTableUploadException;
import io.credence.engine.DecisionTables;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A decision table as a grid an analyst edits without writing code: one text field per cell, rows
 * that can be added, copied, moved and deleted, each cell checked as it is typed and the last
 * validation's errors shown on their cell; the table goes to and comes back from a spreadsheet as XLSX.
 */
class DecisionTablePane extends Div {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int MAX_XLSX_BYTES = 2 * 1024 * 1024;

    private final String artifact;
    private final Div grid = new Div();
    private final Div toolbar = new Div();
    private final Upload upload = new Upload();
    private final Span problem = new Span();
    private final Map<String, TextField> fields = new HashMap<>();
    private List<List<String>> rows = new ArrayList<>();
    private List<ArtifactError> validated = List.of();
    private boolean editable;

    DecisionTablePane(String artifact) {
        this.artifact = artifact;
        addClassName("decision-table");
        getElement().setAttribute("data-artifact", artifact);
        grid.addClassName("decision-table-grid");
        grid.getStyle().set("overflow-x", "auto");
        problem.addClassName("upload-problem");
        problem.setId("decision-table-upload-problem");
        configureToolbar();
        add(toolbar, problem, grid);
    }

    private void configureToolbar() {
        Anchor download = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] xlsx = DecisionTables.xlsx(csv(), sheetName());
                    return new DownloadResponse(
                            new ByteArrayInputStream(xlsx), sheetName() + ".xlsx", XLSX, xlsx.length);
                }),
                getTranslation("editor.table.download"));
        download.setId("decision-table-download");
        Button addRow = new Button(
                getTranslation("editor.table.add-row"), click -> changeRows(() -> rows.add(new ArrayList<>())));
        addRow.setId("decision-table-add-row");
        addRow.addClassName("editable-only");
        upload.setId("decision-table-upload");
        upload.setAcceptedFileTypes(".xlsx", XLSX);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_XLSX_BYTES);
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() -> {
            upload.clearFileList();
            try {
                String csv = DecisionTables.fromXlsx(new ByteArrayInputStream(bytes));
                showProblem(null);
                show(csv);
                fireEvent(new TableEdited(this, csv()));
            } catch (DecisionTableUploadException e) {
                showProblem(metadata.fileName() + " " + e.problems().get(0).message());
            }
        }))));
        upload.addFileRejectedListener(rejected -> showProblem(rejected.getErrorMessage()));
        toolbar.addClassName("decision-table-toolbar");
        toolbar.add(download, addRow, upload);
    }

    private String sheetName() {
        return artifact.substring(0, artifact.length() - ".csv".length());
    }

    void show(String csv) {
        rows = DecisionTables.cells(csv);
        render();
    }

    void setEditable(boolean editable) {
        this.editable = editable;
        upload.setVisible(editable);
        toolbar.getChildren().filter(c -> c.hasClassName("editable-only")).forEach(c -> c.setVisible(editable));
        render();
    }

    /** The last validation's errors for this table; shown on their cells next to what typing finds. */
    void showErrors(List<ArtifactError> errors) {
        validated = List.copyOf(errors);
        markCells();
    }

    void reveal(Integer row, Integer column) {
        if (row == null || column == null) return;
        TextField field = fields.get(DecisionTables.columnLetter(column) + row);
        if (field != null) field.focus();
    }

    private String csv() {
        return DecisionTables.csv(rows);
    }

    private void render() {
        grid.removeAll();
        fields.clear();
        int width = Math.max(1, rows.stream().mapToInt(List::size).max().orElse(1));
        int firstRule = DecisionTables.firstRuleRow(csv());
        Div header = new Div(new Span(""));
        header.addClassName("decision-table-row");
        header.getStyle().set("display", "none");
        for (int c = 0; c < width; c++) header.add(new Span(DecisionTables.columnLetter(c + 1)));
        grid.add(header);
        for (int r = 0; r < rows.size(); r++) {
            int rowIndex = r;
            Div line = new Div();
            line.addClassName("decision-table-row");
            line.getStyle()
                    .set("display", "flex")
                    .set("flex-wrap", "nowrap")
                    .set("gap", "var(--lumo-space-xs)")
                    .set("align-items", "baseline");
            line.getElement().setAttribute("data-row", String.valueOf(r + 1));
            Span number = new Span(String.valueOf(r + 1));
            number.addClassName("decision-table-row-number");
            number.getStyle().set("min-width", "2em");
            line.add(number);
            for (int c = 0; c < width; c++) {
                int columnIndex = c;
                TextField field = new TextField();
                String cell = DecisionTables.columnLetter(c + 1) + (r + 1);
                field.setId("table-cell-" + cell);
                field.getElement().setAttribute("data-cell", cell);
                field.addClassName("decision-table-cell");
                // The pane decides what is invalid (typing checks and the last validation); Vaadin's own
                // validation would clear the mark on blur, since a text field has no constraints of its own.
                field.setManualValidation(true);
                field.setWidth(c == 0 ? "16em" : "9em");
                field.setValue(c < rows.get(r).size() ? rows.get(r).get(c) : "");
                field.setReadOnly(!editable);
                field.setValueChangeMode(ValueChangeMode.EAGER);
                field.addValueChangeListener(change -> {
                    if (!change.isFromClient()) return;
                    set(rowIndex, columnIndex, change.getValue());
                    // Typing moves the table on: the last validation's errors no longer describe it.
                    validated = List.of();
                    markCells();
                    fireEvent(new TableEdited(this, csv()));
                });
                fields.put(cell, field);
                line.add(field);
            }
            if (editable && firstRule >= 0 && r >= firstRule) line.add(rowActions(rowIndex));
            grid.add(line);
        }
        markCells();
    }

    private Div rowActions(int row) {
        Button copy = new Button(
                getTranslation("editor.table.copy-row"), click -> changeRows(() -> rows.add(row + 1, copied(row))));
        Button up = new Button("↑", click -> changeRows(() -> swap(row, row - 1)));
        Button down = new Button("↓", click -> changeRows(() -> swap(row, row + 1)));
        Button delete =
                new Button(getTranslation("editor.table.delete-row"), click -> changeRows(() -> rows.remove(row)));
        up.setEnabled(row > DecisionTables.firstRuleRow(csv()));
        down.setEnabled(row + 1 < rows.size());
        copy.addClassName("copy-row");
        delete.addClassName("delete-row");
        up.addClassName("row-up");
        down.addClassName("row-down");
        Div actions = new Div(copy, up, down, delete);
        actions.addClassName("decision-table-row-actions");
        actions.getStyle().set("display", "flex").set("flex-wrap", "nowrap");
        return actions;
    }

    /** A copy of a rule row; its rule name, when the table has a NAME column, marked so the two names differ. */
    private List<String> copied(int row) {
        List<String> copy = new ArrayList<>(rows.get(row));
        int keywords = DecisionTables.firstRuleRow(csv()) - 4;
        boolean named = keywords >= 0
                && !rows.get(keywords).isEmpty()
                && rows.get(keywords).get(0).strip().equalsIgnoreCase("NAME");
        if (named && !copy.isEmpty() && !copy.get(0).isBlank()) copy.set(0, copy.get(0) + " (copy)");
        return copy;
    }

    private void swap(int a, int b) {
        if (b < 0 || b >= rows.size()) return;
        List<String> held = rows.get(a);
        rows.set(a, rows.get(b));
        rows.set(b, held);
    }

    private void changeRows(Runnable change) {
        change.run();
        validated = List.of();
        render();
        fireEvent(new TableEdited(this, csv()));
    }

    private void set(int row, int column, String value) {
        List<String> cells = rows.get(row);
        while (cells.size() <= column) cells.add("");
        cells.set(column, value);
    }

    /** Marks each cell with the first error found on it: by typing (the quick checks) or by the last validation. */
    private void markCells() {
        fields.values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
        List<ArtifactError> errors = new ArrayList<>(DecisionTables.checkCells(artifact, csv()));
        errors.addAll(validated);
        for (ArtifactError error : errors) {
            if (error.line() == null || error.column() == null) continue;
            TextField field = fields.get(DecisionTables.columnLetter(error.column()) + error.line());
            if (field == null || field.isInvalid()) continue;
            field.setInvalid(true);
            field.setErrorMessage(error.message());
        }
    }

    private void showProblem(String message) {
        problem.setText(message == null ? "" : message);
        problem.setVisible(message != null);
    }

    Registration addTableEditedListener(ComponentEventListener<TableEdited> listener) {
        return addListener(TableEdited.class, listener);
    }

    /** The analyst changed the table: its whole text as CSV. */
    static final class TableEdited extends ComponentEvent<DecisionTablePane> {

        private final String csv;

        TableEdited(DecisionTablePane source, String csv) {
            super(source, true);
            this.csv = csv;
        }

        String csv() {
            return csv;
        }
    }
}
