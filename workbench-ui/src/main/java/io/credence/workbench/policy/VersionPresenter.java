package io.credence.workbench.policy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import io.credence.engine.PolicyCompilationException;
import io.credence.policy.Actor;
import io.credence.policy.NewTestCase;
import io.credence.policy.NewVersionRequest;
import io.credence.policy.PolicyService;
import io.credence.policy.PolicyVersion;
import io.credence.policy.TrialDecision;
import io.credence.scorecard.ModelSummary;
import io.credence.workbench.components.Confirmations;
import io.credence.workbench.components.ProblemText;
import io.credence.workbench.errors.Notices;
import io.credence.workbench.errors.Problem;
import io.credence.workbench.i18n.Words;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The logic of an open version: keeps the analyst's working copy, validates it as they type, saves
 * it whole or not at all, runs the test bench and manages test cases and submission. Every refusal
 * from the policy service is shown next to what failed.
 */
final class VersionPresenter {

    private static final Logger log = LoggerFactory.getLogger(VersionPresenter.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final VersionWorkspace workspace;
    private final PolicyService policies;
    private final Actor user;
    private final IntConsumer openVersion;
    private final LatestWins<java.util.Map<String, String>, DraftValidator.Outcome> validation;
    private final Words words = Words.current();
    private PolicyVersion version;
    private EditRights rights;
    private WorkingCopy copy;
    private java.util.List<io.credence.policy.TestCaseResult> lastResults;

    /** {@code openVersion} navigates to another version of the market, such as a new draft. */
    VersionPresenter(
            VersionWorkspace workspace,
            PolicyService policies,
            DraftValidator validator,
            Actor user,
            EditRights rights,
            UI ui,
            IntConsumer openVersion) {
        this.workspace = workspace;
        this.policies = policies;
        this.user = user;
        this.rights = rights;
        this.openVersion = openVersion;
        this.validation = new LatestWins<>(
                changes -> validator.validate(version.market(), version.version(), changes),
                command -> accessIfAttached(ui, command),
                busy -> validating(ui, busy),
                this::validated);
        listen();
    }

    private void listen() {
        workspace.addArtifactEditedListener(edit -> edited(edit.tab(), edit.text()));
        workspace.addActionListener(action -> {
            switch (action.action()) {
                case VALIDATE -> validation.request(copy.changes());
                case SAVE -> save();
                case SUBMIT -> askToSubmit();
                case DISCARD -> askToDiscard();
                case NEW_DRAFT -> newDraft();
                case TOGGLE_VOCABULARY -> {}
            }
        });
        workspace
                .scorecard()
                .addScorecardUploadedListener(upload -> scorecardUploaded(upload.fileName(), upload.pmml()));
        workspace.bench().addRunRequestedListener(run -> tryApplication(run.json()));
        workspace.bench().addSaveAsTestCaseListener(this::addTestCase);
        workspace
                .tests()
                .addRemoveRequestedListener(remove -> attempt(
                                "editor.presenter.case-not-removed",
                                () -> policies.removeTestCase(
                                        user,
                                        version.market(),
                                        version.version(),
                                        remove.testCase().testCaseId()))
                        .ifPresent(this::reloaded));
        workspace.tests().addEditRequestedListener(edit -> {
            if (edit.duplicate()) {
                attempt(
                                "editor.presenter.case-not-saved",
                                () -> policies.duplicateTestCase(
                                        user,
                                        version.market(),
                                        version.version(),
                                        edit.testCase().testCaseId()))
                        .ifPresent(this::reloaded);
            } else {
                policies.testCases(version.market(), version.version()).stream()
                        .filter(t -> t.id().equals(edit.testCase().testCaseId()))
                        .findFirst()
                        .ifPresent(t -> workspace.caseDialog().open(t));
            }
        });
        workspace.caseDialog().addSavedListener(saved -> {
            try {
                reloaded(policies.updateTestCase(
                        user, version.market(), version.version(), saved.id(), saved.testCase()));
                workspace.caseDialog().close();
            } catch (RuntimeException e) {
                workspace.caseDialog().showProblem(describe(e));
            }
        });
        workspace.caseFiles().addCasesUploadedListener(this::importTestCases);
        workspace
                .submitDialog()
                .addSubmitConfirmedListener(confirmed -> submit(confirmed.note(), confirmed.failingTestsReason()));
    }

    void show(PolicyVersion v, boolean champion) {
        version = v;
        copy = new WorkingCopy(v.artifacts());
        workspace.showVersion(v, rights, champion);
        for (ArtifactTab tab : ArtifactTab.values()) workspace.setText(tab, copy.text(tab.artifact()));
        workspace.showErrors(ArtifactErrors.NONE);
        workspace.showWarnings(java.util.List.of());
        workspace.showDirty(false);
        showReasonCodes();
        workspace
                .reasons()
                .showLegacyHint(!v.artifacts().containsKey(ArtifactTab.REASONS.artifact())
                        && copy.text(ArtifactTab.SETTINGS.artifact()).contains("\"reasonMessages\""));
        workspace.showStatus(rights.canEdit() ? words.translate("editor.presenter.no-changes") : "", "info");
        showTestResults();
        prepareBench();
    }

    /** Edits that a save would store; leaving the page would lose them. */
    boolean hasUnsavedChanges() {
        return copy != null && copy.isDirty();
    }

    private void edited(ArtifactTab tab, String text) {
        copy.edit(tab.artifact(), text);
        workspace.showDirty(copy.isDirty());
        showReasonCodes();
        prepareBench();
        validation.request(copy.changes());
    }

    /** The reason-messages grid's rows follow the rules and scorecard as they are edited. */
    private void showReasonCodes() {
        workspace.reasons().setEmittable(policies.emittableReasonCodes(copy.current()));
    }

    private void validated(DraftValidator.Outcome outcome) {
        workspace.showErrors(ArtifactErrors.of(CompilerMessages.readable(outcome.errors(), copy.current(), words)));
        workspace.showWarnings(outcome.warnings());
        if (outcome.problem() != null) {
            workspace.showStatus(ProblemText.of(outcome.problem(), words), "error");
        } else if (!outcome.compiles()) {
            workspace.showStatus(
                    words.translate("editor.errors.count", outcome.errors().size()), "error");
        } else {
            lastResults = outcome.testResults();
            long failing =
                    outcome.testResults().stream().filter(r -> !r.passed()).count();
            int total = outcome.testResults().size();
            String status = total == 0
                    ? words.translate("editor.presenter.compiles")
                    : failing == 0
                            ? words.translate("editor.presenter.compiles-all-pass", total)
                            : words.translate("editor.presenter.compiles-some-fail", failing, total);
            workspace.showStatus(status, failing == 0 ? "ok" : "error");
            if (copy.isDirty()) {
                workspace.tests().show(outcome.testResults(), words.translate("editor.presenter.with-unsaved"));
                workspace.tests().showCoverage(outcome.uncoveredRules());
            }
        }
    }

    private void validating(UI ui, boolean busy) {
        // Without server push, polling is what brings the background result to the browser.
        ui.setPollInterval(busy ? 250 : -1);
        workspace.showValidating(busy);
    }

    private void save() {
        if (!copy.isDirty()) {
            workspace.showStatus(words.translate("editor.presenter.nothing-to-save"), "info");
            return;
        }
        try {
            reloaded(policies.updateDraft(
                    user, version.market(), version.version(), new NewVersionRequest(null, copy.changes(), null)));
            workspace.showStatus(words.translate("editor.presenter.saved"), "ok");
        } catch (PolicyCompilationException e) {
            workspace.showErrors(ArtifactErrors.of(CompilerMessages.readable(e.errors(), copy.current(), words)));
            workspace.errors().firstTab().ifPresent(workspace::select);
            workspace.showStatus(
                    words.translate(
                            "editor.presenter.not-saved-errors", e.errors().size()),
                    "error");
        } catch (RuntimeException e) {
            workspace.showStatus(words.translate("editor.presenter.not-saved", describe(e)), "error");
        }
    }

    /**
     * The service refuses to submit a policy that does not compile; when the last validation found
     * errors, the analyst is told so before writing a note for nothing.
     */
    private void askToSubmit() {
        if (!workspace.errors().isEmpty() && !validation.isRunning()) {
            workspace.errors().firstTab().ifPresent(workspace::select);
            workspace.showStatus(
                    words.translate(
                            "editor.presenter.submit-errors-first",
                            workspace.errors().all().size()),
                    "error");
            return;
        }
        // Unsaved edits are saved by the submission: the last validation's results are theirs.
        var results = copy.isDirty() && lastResults != null ? lastResults : version.testResults();
        java.util.List<String> failing = results == null
                ? java.util.List.of()
                : results.stream().filter(r -> !r.passed()).map(r -> r.name()).toList();
        workspace.submitDialog().open(version.note(), copy.isDirty(), failing);
    }

    /** Its author gives the draft up: it leaves the lists (the audit trail keeps it) and the base version opens. */
    private void askToDiscard() {
        String number = String.valueOf(version.version());
        Confirmations.askDestructive(
                words.translate("editor.presenter.discard.question", number),
                words.translate("editor.presenter.discard.consequence"),
                words.translate("editor.toolbar.discard"),
                () -> attempt(
                                "editor.presenter.not-discarded",
                                () -> policies.discard(user, version.market(), version.version()))
                        .ifPresent(discarded -> {
                            Notices.success(words.translate("editor.presenter.discarded", number));
                            openVersion.accept(version.basedOn() != null ? version.basedOn() : version.version());
                        }));
    }

    private void submit(String note, String failingTestsReason) {
        try {
            if (copy.isDirty() || !note.equals(version.note())) {
                reloaded(policies.updateDraft(
                        user, version.market(), version.version(), new NewVersionRequest(null, copy.changes(), note)));
            }
            policies.submit(user, version.market(), version.version(), failingTestsReason);
            workspace.submitDialog().close();
            Notices.success(words.translate("editor.presenter.submitted", String.valueOf(version.version())));
            openVersion.accept(version.version());
        } catch (PolicyCompilationException e) {
            workspace.submitDialog().close();
            workspace.showErrors(ArtifactErrors.of(CompilerMessages.readable(e.errors(), copy.current(), words)));
            workspace.showStatus(words.translate("editor.presenter.not-submitted-errors"), "error");
        } catch (RuntimeException e) {
            workspace.submitDialog().close();
            workspace.showStatus(words.translate("editor.presenter.not-submitted", describe(e)), "error");
        }
    }

    private void newDraft() {
        attempt(
                        "editor.presenter.no-draft",
                        () -> policies.createDraft(
                                user, version.market(), new NewVersionRequest(version.version(), null, null)))
                .ifPresent(created -> openVersion.accept(created.version()));
    }

    private void scorecardUploaded(String fileName, String pmml) {
        try {
            // Any model type jpmml evaluates: whether it can serve this market is the validation's answer.
            ModelSummary.parse(pmml, null);
        } catch (RuntimeException e) {
            workspace
                    .scorecard()
                    .showUploadProblem(words.translate("editor.presenter.upload-refused", fileName, e.getMessage()));
            return;
        }
        workspace.setText(ArtifactTab.SCORECARD, pmml);
        edited(ArtifactTab.SCORECARD, pmml);
        workspace.showStatus(words.translate("editor.presenter.uploaded", fileName), "info");
    }

    private void tryApplication(String json) {
        try {
            TrialDecision decision = policies.tryApplication(version.market(), version.version(), json);
            workspace.bench().showResult(decision);
        } catch (RuntimeException e) {
            workspace.bench().showProblem(describe(e));
        }
    }

    private void addTestCase(TestBenchPane.SaveAsTestCase request) {
        try {
            var application = JSON.readTree(request.json());
            reloaded(policies.addTestCase(
                    user,
                    version.market(),
                    version.version(),
                    new NewTestCase(
                            request.name(), application, request.expectedOutcome(), request.expectedReasons())));
            workspace.bench().testCaseSaved();
            Notices.success(words.translate("editor.presenter.case-added", request.name()));
        } catch (JacksonException e) {
            workspace.bench().showProblem(words.translate("editor.presenter.invalid-json", e.getOriginalMessage()));
        } catch (RuntimeException e) {
            workspace.bench().showProblem(words.translate("editor.presenter.case-not-added", describe(e)));
        }
    }

    private void reloaded(PolicyVersion updated) {
        version = updated;
        copy.saved(updated.artifacts());
        workspace.showDirty(false);
        showTestResults();
        prepareBench();
    }

    private void importTestCases(TestCaseFiles.CasesUploaded upload) {
        try {
            reloaded(policies.importTestCases(
                    user, version.market(), version.version(), upload.csv(), upload.replace()));
            workspace.showStatus(words.translate("editor.tests.csv.imported", upload.fileName()), "info");
        } catch (io.credence.shared.InvalidRequestException refused) {
            workspace.caseFiles().showProblems(upload.fileName(), refused.problems());
        } catch (RuntimeException e) {
            workspace.showStatus(words.translate("editor.presenter.case-not-saved", describe(e)), "error");
        }
    }

    private void showTestResults() {
        String market = version.market();
        int number = version.version();
        workspace
                .caseFiles()
                .prepare(
                        "test-cases-" + market + "-v" + number + ".csv",
                        () -> policies.exportTestCases(market, number),
                        rights.canEdit());
        workspace
                .tests()
                .show(
                        version.testResults(),
                        words.translate("editor.presenter.on-saved", String.valueOf(version.version())));
        workspace
                .tests()
                .showCoverage(io.credence.policy.TestCoverage.uncovered(version.artifacts(), version.testResults()));
    }

    private void prepareBench() {
        String currency = TrialApplication.currencyOf(version.artifacts().get(ArtifactTab.SETTINGS.artifact()));
        String notice = copy.isDirty()
                ? words.translate("editor.presenter.bench-runs-saved", String.valueOf(version.version()))
                : null;
        workspace.bench().prepare(version.market(), currency, notice, rights.canEdit());
    }

    private <T> java.util.Optional<T> attempt(String failedKey, Supplier<T> action) {
        try {
            return java.util.Optional.ofNullable(action.get());
        } catch (RuntimeException e) {
            workspace.showStatus(words.translate(failedKey, describe(e)), "error");
            return java.util.Optional.empty();
        }
    }

    private String describe(RuntimeException e) {
        Problem problem = Problem.of(e);
        if (!problem.expected()) log.error("Workbench action failed, reference {}", problem.reference(), e);
        return ProblemText.of(problem, words);
    }

    private static void accessIfAttached(UI ui, Runnable command) {
        try {
            ui.access(command::run);
        } catch (UIDetachedException gone) {
            // The analyst left the page while Drools was compiling: there is nobody to show the result to.
        }
    }
}
