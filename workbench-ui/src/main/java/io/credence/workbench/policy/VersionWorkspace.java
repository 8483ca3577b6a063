package io.credence.workbench.policy;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.shared.Registration;
import io.credence.engine.ArtifactError;
import io.credence.policy.LineComment;
import io.credence.policy.PolicyVersion;
import io.credence.policy.VersionStatus;
import io.credence.workbench.components.LineCommentList;
import io.credence.workbench.components.TestResultsGrid;
import io.credence.workbench.components.VersionBadges;
import io.credence.workbench.format.Display;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An open version: its header and actions, the artifact tabs with the vocabulary beside them, the
 * test bench and the test cases. Shows what {@link VersionPresenter} tells it and fires what the
 * analyst asks for; it calls no service.
 */
class VersionWorkspace extends VerticalLayout {

    private final H3 title = new H3();
    private final Div meta = new Div();
    private final Div readOnly = new Div();
    private final WorkspaceToolbar toolbar = new WorkspaceToolbar();
    private final ErrorList errorList = new ErrorList();
    private final TabSheet tabs = new TabSheet();
    private final Map<ArtifactTab, Tab> artifactTabs = new EnumMap<>(ArtifactTab.class);
    private final Map<ArtifactTab, DrlEditor> editors = new EnumMap<>(ArtifactTab.class);
    private final ScorecardPane scorecard = new ScorecardPane();
    private final DecisionTablePane pricingGrid = new DecisionTablePane(ArtifactTab.PRICING_GRID.artifact());
    private final ReasonsPane reasons = new ReasonsPane();
    private final SettingsPane settings = new SettingsPane();
    private final Div warnings = new Div();
    private final TestBenchPane bench = new TestBenchPane();
    private final TestResultsGrid tests = new TestResultsGrid();
    private final TestCaseFiles caseFiles = new TestCaseFiles();
    private final SubmitDialog submitDialog = new SubmitDialog();
    private final TestCaseDialog caseDialog = new TestCaseDialog();
    private final SplitLayout split;
    private ArtifactErrors errors = ArtifactErrors.NONE;

    VersionWorkspace(AuthoringGuide guide) {
        addClassName("version-workspace");
        setPadding(false);
        split = new SplitLayout(tabs, new VocabularyPanel(guide));
        toolbar.addActionListener(action -> {
            if (action.action() == WorkspaceToolbar.Action.TOGGLE_VOCABULARY) toggleVocabulary();
        });
        warnings.setId("validation-warnings");
        warnings.addClassName("validation-warnings");
        warnings.setVisible(false);
        add(header(), toolbar, readOnly, errorList, warnings, body());
        // An editor sends its text after a pause in typing; until the server hears of it the status
        // would still say "No unsaved changes", so the browser says so itself at the first keystroke.
        getElement()
                .executeJs(
                        "this.addEventListener('input', e => {"
                                + " if (!e.target.closest || !e.target.closest('.artifact-editor')) return;"
                                + " const s = this.querySelector('#validation-status');"
                                + " if (s) { s.textContent = $0; s.setAttribute('data-kind', 'busy'); } })",
                        getTranslation("editor.toolbar.editing"));
    }

    private Div header() {
        meta.addClassName("version-meta");
        readOnly.addClassName("read-only-reason");
        Div header = new Div(title, meta);
        header.addClassName("version-header");
        return header;
    }

    private SplitLayout body() {
        for (ArtifactTab tab : ArtifactTab.values()) {
            Div content;
            if (tab == ArtifactTab.SCORECARD) {
                content = new Div(scorecard);
            } else if (tab == ArtifactTab.PRICING_GRID) {
                content = new Div(pricingGrid);
            } else {
                // The reasons and settings tabs' source editors are their raw JSON: marked, revealed and sent like any
                // other.
                DrlEditor editor = tab == ArtifactTab.REASONS
                        ? reasons.source()
                        : tab == ArtifactTab.SETTINGS ? settings.source() : new DrlEditor(tab.mode());
                editor.addClassName("artifact-editor");
                editor.getElement().setAttribute("data-artifact", tab.artifact());
                editor.addValueChangeListener(change -> {
                    if (!change.isFromClient()) return;
                    if (tab == ArtifactTab.REASONS) reasons.show(change.getValue());
                    if (tab == ArtifactTab.SETTINGS) {
                        settings.show(change.getValue());
                        // The risk model's input table reads market.json's model section: keep it in step.
                        scorecard.useSettings(change.getValue());
                    }
                    fireEvent(new ArtifactEdited(this, tab, change.getValue()));
                });
                editors.put(tab, editor);
                content = tab == ArtifactTab.REASONS
                        ? new Div(reasons)
                        : tab == ArtifactTab.SETTINGS ? new Div(settings) : new Div(editor);
            }
            artifactTabs.put(tab, tabs.add(tab.label(this::getTranslation), content));
        }
        pricingGrid.addTableEditedListener(
                edit -> fireEvent(new ArtifactEdited(this, ArtifactTab.PRICING_GRID, edit.csv())));
        reasons.addReasonsEditedListener(edit -> fireEvent(new ArtifactEdited(this, ArtifactTab.REASONS, edit.json())));
        settings.addSettingsEditedListener(edit -> {
            scorecard.useSettings(edit.json());
            fireEvent(new ArtifactEdited(this, ArtifactTab.SETTINGS, edit.json()));
        });
        tabs.add(getTranslation("editor.tab.bench"), bench);
        tabs.add(getTranslation("editor.tab.tests"), new Div(caseFiles, tests));
        tabs.setSizeFull();
        tabs.addClassName("artifact-tabs");
        errorList.setId("error-list");
        errorList.addErrorChosenListener(chosen -> reveal(chosen.error()));
        split.addClassName("workspace-split");
        split.setWidthFull();
        split.addClassName("workspace-height");
        split.setSplitterPosition(72);
        return split;
    }

    private void toggleVocabulary() {
        boolean show = !split.getSecondaryComponent().isVisible();
        split.getSecondaryComponent().setVisible(show);
        split.setSplitterPosition(show ? 72 : 100);
        toolbar.showVocabularyShown(show);
    }

    void showVersion(PolicyVersion v, EditRights rights, boolean champion) {
        title.setText("v" + v.version());
        title.add(VersionBadges.status(v.status()));
        if (champion) title.add(VersionBadges.champion());
        List<String> facts = new ArrayList<>();
        facts.add(getTranslation("editor.version.by", v.author()));
        if (v.basedOn() != null) facts.add(getTranslation("editor.version.based-on", String.valueOf(v.basedOn())));
        if (v.reviewer() != null) facts.add(getTranslation("editor.version.reviewed-by", v.reviewer()));
        if (v.note() != null && !v.note().isBlank()) facts.add(v.note());
        if (v.reviewComment() != null) facts.add(getTranslation("editor.version.review-comment", v.reviewComment()));
        meta.setText(String.join(" · ", facts));
        readOnly.setText(rights.readOnlyReason() == null ? "" : rights.readOnlyReason());
        readOnly.setVisible(rights.readOnlyReason() != null);
        editors.values().forEach(editor -> editor.setReadOnly(!rights.canEdit()));
        scorecard.setUploadVisible(rights.canEdit());
        pricingGrid.setEditable(rights.canEdit());
        reasons.setEditable(rights.canEdit());
        settings.setEditable(rights.canEdit());
        tests.setRemovable(rights.canEdit());
        toolbar.allow(rights.canEdit(), rights.canCreateDraft() && v.status() != VersionStatus.DRAFT, v.version());
    }

    void showLineComments(List<LineComment> comments) {
        if (comments.isEmpty()) return;
        Details review = new Details(
                getTranslation("editor.version.line-comments", comments.size()),
                new LineCommentList(comments, Display.current()));
        review.setId("draft-line-comments");
        review.setOpened(true);
        addComponentAtIndex(1, review);
    }

    void setText(ArtifactTab tab, String text) {
        if (tab == ArtifactTab.SETTINGS) scorecard.useSettings(text);
        if (tab == ArtifactTab.PRICING_GRID) {
            // Most packages have no pricing table: the tab appears only where there is one.
            pricingGrid.show(text);
            artifactTabs.get(tab).setVisible(text != null && !text.isBlank());
        } else if (tab == ArtifactTab.SCORECARD) scorecard.show(text);
        else if (tab == ArtifactTab.REASONS) reasons.show(text);
        else if (tab == ArtifactTab.SETTINGS) settings.show(text);
        else editors.get(tab).setValue(text);
    }

    void showErrors(ArtifactErrors errors) {
        this.errors = errors;
        errorList.show(errors);
        for (ArtifactTab tab : ArtifactTab.values()) {
            artifactTabs.get(tab).setLabel(errors.label(tab, this::getTranslation));
            artifactTabs
                    .get(tab)
                    .getElement()
                    .setAttribute("data-errors", String.valueOf(!errors.in(tab).isEmpty()));
            if (tab == ArtifactTab.SCORECARD) scorecard.showErrors(errors.in(tab));
            else if (tab == ArtifactTab.PRICING_GRID) pricingGrid.showErrors(errors.in(tab));
            else editors.get(tab).setErrors(errors.in(tab));
        }
    }

    /** Warnings of the last validation: they do not stop a save, but the analyst should read them. */
    void showWarnings(List<ArtifactError> found) {
        warnings.removeAll();
        warnings.setVisible(!found.isEmpty());
        if (found.isEmpty()) return;
        warnings.add(new Div(getTranslation("editor.warnings.title", found.size())));
        for (ArtifactError warning : found) {
            Div item = new Div(
                    warning.line() == null
                            ? getTranslation("editor.warnings.item", warning.artifact(), warning.message())
                            : getTranslation(
                                    "editor.warnings.item-line",
                                    warning.artifact(),
                                    warning.line(),
                                    warning.message()));
            item.addClassName("validation-warning");
            item.addClickListener(click -> reveal(warning));
            warnings.add(item);
        }
    }

    void showValidating(boolean validating) {
        toolbar.showValidating(validating);
    }

    void showStatus(String text, String kind) {
        toolbar.showStatus(text, kind);
    }

    void showDirty(boolean isDirty) {
        toolbar.showDirty(isDirty);
    }

    void select(ArtifactTab tab) {
        tabs.setSelectedTab(artifactTabs.get(tab));
    }

    void reveal(ArtifactError error) {
        ArtifactTab.of(error.artifact()).ifPresent(tab -> {
            select(tab);
            if (tab == ArtifactTab.REASONS) reasons.revealSource();
            if (tab == ArtifactTab.SETTINGS) settings.revealSource();
            if (tab == ArtifactTab.PRICING_GRID) pricingGrid.reveal(error.line(), error.column());
            if (error.line() != null && editors.containsKey(tab))
                editors.get(tab).revealLine(error.line(), error.column());
        });
    }

    ArtifactErrors errors() {
        return errors;
    }

    ScorecardPane scorecard() {
        return scorecard;
    }

    ReasonsPane reasons() {
        return reasons;
    }

    SettingsPane settings() {
        return settings;
    }

    TestBenchPane bench() {
        return bench;
    }

    TestResultsGrid tests() {
        return tests;
    }

    TestCaseFiles caseFiles() {
        return caseFiles;
    }

    SubmitDialog submitDialog() {
        return submitDialog;
    }

    TestCaseDialog caseDialog() {
        return caseDialog;
    }

    Registration addActionListener(ComponentEventListener<WorkspaceToolbar.ActionRequested> listener) {
        return toolbar.addActionListener(listener);
    }

    Registration addArtifactEditedListener(ComponentEventListener<ArtifactEdited> listener) {
        return addListener(ArtifactEdited.class, listener);
    }

    static class ArtifactEdited extends ComponentEvent<VersionWorkspace> {
        private final ArtifactTab tab;
        private final String text;

        ArtifactEdited(VersionWorkspace source, ArtifactTab tab, String text) {
            super(source, true);
            this.tab = tab;
            this.text = text;
        }

        ArtifactTab tab() {
            return tab;
        }

        String text() {
            return text;
        }
    }
}
