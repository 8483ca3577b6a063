package io.credence.workbench.policy;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import io.credence.workbench.components.Badges;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * reasons.json as a table: a row per reason code this version can give (and any other code the
 * catalogs name), a column per language, missing messages highlighted. Editing a cell or adding a
 * language rewrites the JSON, which stays reachable below for anything the table cannot express.
 */
class ReasonsPane extends Div {

    private final Span summary = new Span();
    private final Div problem = new Div();
    private final Div legacy = new Div();
    private final Grid<ReasonCatalog.Row> grid = new Grid<>();
    private final TextField newLanguage = new TextField();
    private final HorizontalLayout addLanguage;
    private final DrlEditor source = new DrlEditor(DrlEditor.Mode.JSON);
    private final Details sourceDetails = new Details();
    private ReasonCatalog catalog;
    private Set<String> emittable = Set.of();
    private boolean editable;

    ReasonsPane() {
        addClassName("reasons-pane");
        summary.addClassName("reasons-summary");
        summary.setId("reasons-summary");
        problem.addClassName("inline-problem");
        problem.setVisible(false);
        legacy.addClassName("hint");
        legacy.setText(getTranslation("editor.reasons.legacy"));
        legacy.setVisible(false);
        configureGrid();
        addLanguage = addLanguageForm();
        source.addClassName("artifact-editor");
        source.setHeight("360px");
        sourceDetails.setSummaryText(getTranslation("editor.reasons.source"));
        sourceDetails.add(source);
        sourceDetails.setWidthFull();
        Div hint = new Div(getTranslation("editor.reasons.hint"));
        hint.addClassName("hint");
        add(new Div(summary, hint), legacy, problem, addLanguage, grid, sourceDetails);
    }

    private void configureGrid() {
        grid.setId("reasons-grid");
        grid.addClassName("reasons-grid");
        grid.addThemeVariants(
                GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setHeight("420px");
        grid.setEmptyStateText(getTranslation("editor.reasons.empty"));
    }

    private HorizontalLayout addLanguageForm() {
        newLanguage.setId("reasons-new-language");
        newLanguage.setWidth("18em");
        newLanguage.setLabel(getTranslation("editor.reasons.language"));
        newLanguage.setPlaceholder(getTranslation("editor.reasons.language.placeholder"));
        newLanguage.setHelperText(getTranslation("editor.reasons.language.helper"));
        Button add = new Button(
                getTranslation("editor.reasons.add-language"), VaadinIcon.PLUS.create(), click -> addLanguage());
        add.setId("reasons-add-language");
        newLanguage.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, enter -> addLanguage());
        HorizontalLayout row = new HorizontalLayout(newLanguage, add);
        row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        row.addClassName("reasons-add-language");
        return row;
    }

    /** The artifact's raw editor: the workspace marks errors in it and sends its edits like any other. */
    DrlEditor source() {
        return source;
    }

    /** A version stored before reasons.json existed keeps its messages in market.json's reasonMessages. */
    void showLegacyHint(boolean legacyMessages) {
        legacy.setVisible(legacyMessages);
    }

    void revealSource() {
        sourceDetails.setOpened(true);
    }

    void setEditable(boolean editable) {
        this.editable = editable;
        source.setReadOnly(!editable);
        addLanguage.setVisible(editable);
        render();
    }

    /** Shows a reasons.json text, as stored or as the analyst typed it in the source editor. */
    void show(String json) {
        if (!json.equals(source.getValue())) source.setValue(json);
        catalog = ReasonCatalog.parse(json).orElse(null);
        render();
    }

    /** The codes the version's rules, scorecard and engine can give; they change as rules are edited. */
    void setEmittable(Collection<String> codes) {
        Set<String> given = Set.copyOf(codes);
        if (given.equals(emittable)) return;
        emittable = given;
        render();
    }

    private void render() {
        problem.setVisible(catalog == null);
        grid.setVisible(catalog != null);
        if (catalog == null) {
            problem.setText(getTranslation("editor.reasons.not-a-catalog", "{\"en\": {\"CODE\": \"…\"}}"));
            summary.setText("");
            revealSource();
            return;
        }
        grid.removeAllColumns();
        grid.addComponentColumn(this::codeCell)
                .setHeader(getTranslation("editor.reasons.code"))
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setFrozen(true);
        for (String locale : catalog.locales()) {
            grid.addComponentColumn(row -> messageCell(row, locale))
                    .setHeader(languageHeader(locale))
                    .setFlexGrow(1)
                    .setKey(locale);
        }
        grid.setItems(catalog.rows(emittable));
        showSummary();
    }

    private void showSummary() {
        int codes = new TreeSet<>(emittable).size();
        summary.setText(getTranslation(
                "editor.reasons.summary", codes, catalog.locales().size(), catalog.missing(emittable)));
        summary.getElement().setAttribute("data-missing", String.valueOf(catalog.missing(emittable) > 0));
    }

    /** "hi-IN · Hindi (India)", the language named in the reader's own. */
    private String languageHeader(String tag) {
        String name = Locale.forLanguageTag(tag).getDisplayName(getLocale());
        return name.isBlank() || name.equals(tag) ? tag : tag + " · " + name;
    }

    private Component codeCell(ReasonCatalog.Row row) {
        Span code = new Span(row.code());
        code.addClassName("reason-code");
        if (row.emittable()) return code;
        var unused = Badges.neutral(getTranslation("editor.reasons.not-given"));
        unused.getElement().setAttribute("title", getTranslation("editor.reasons.not-given.tooltip"));
        return new Div(code, unused);
    }

    private Component messageCell(ReasonCatalog.Row row, String locale) {
        String message = row.messages().get(locale);
        boolean missing = row.isMissing(locale);
        if (!editable) {
            Span text = new Span(message != null ? message : missing ? getTranslation("editor.reasons.missing") : "");
            text.setClassName("missing-message", missing);
            return text;
        }
        // A message is a sentence or two: the cell grows to show all of it.
        TextArea field = new TextArea();
        field.setWidthFull();
        field.setValue(message == null ? "" : message);
        field.setPlaceholder(missing ? getTranslation("editor.reasons.missing") : "");
        field.setClassName("missing-message", missing);
        field.setAriaLabel(getTranslation("editor.reasons.cell", row.code(), locale));
        field.getElement().setAttribute("data-code", row.code());
        field.getElement().setAttribute("data-locale", locale);
        field.addValueChangeListener(change -> {
            if (!change.isFromClient()) return;
            catalog = catalog.withMessage(locale, row.code(), change.getValue());
            boolean nowMissing = row.emittable() && change.getValue().isBlank();
            field.setClassName("missing-message", nowMissing);
            field.setPlaceholder(nowMissing ? getTranslation("editor.reasons.missing") : "");
            edited();
        });
        return field;
    }

    private void addLanguage() {
        var tag = ReasonCatalog.languageTag(newLanguage.getValue());
        if (tag.isEmpty()) {
            newLanguage.setErrorMessage(getTranslation("editor.reasons.language.invalid"));
            newLanguage.setInvalid(true);
            return;
        }
        if (catalog == null) return;
        if (catalog.hasLocale(tag.get())) {
            newLanguage.setErrorMessage(getTranslation("editor.reasons.language.exists", tag.get()));
            newLanguage.setInvalid(true);
            return;
        }
        newLanguage.setInvalid(false);
        newLanguage.clear();
        catalog = catalog.withLocale(tag.get());
        render();
        edited();
    }

    private void edited() {
        String json = catalog.toJson();
        source.setValue(json);
        showSummary();
        fireEvent(new ReasonsEdited(this, json));
    }

    Registration addReasonsEditedListener(ComponentEventListener<ReasonsEdited> listener) {
        return addListener(ReasonsEdited.class, listener);
    }

    static class ReasonsEdited extends ComponentEvent<ReasonsPane> {
        private final String json;

        ReasonsEdited(ReasonsPane source, String json) {
            super(source, true);
            this.json = json;
        }

        String json() {
            return json;
        }
    }
}
