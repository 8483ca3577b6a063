package io.credence.workbench.policy;

import com.vaadin.flow.component.AbstractSinglePropertyField;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import io.credence.engine.ArtifactError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A code editor for policy artifacts: the {@code <drl-editor>} web component (CodeMirror 6 with
 * DRL, JSON and XML highlighting, line numbers and error markers). Its value reaches the server
 * when typing pauses or the editor loses focus, so a value change listener can validate as the
 * analyst types.
 */
@Tag("drl-editor")
public class DrlEditor extends AbstractSinglePropertyField<DrlEditor, String> implements HasSize {

    /** Built by src/main/drl-editor/build.mjs into META-INF/resources; not part of Vaadin's bundle. */
    static final String MODULE = "context://drl-editor/drl-editor.js";

    /**
     * CodeMirror's own texts (search panel, folding, lint), keyed by its English phrase; each is
     * translated as editor.codemirror.&lt;name&gt;.
     */
    static final Map<String, String> PHRASES = phrases(
            "Find",
            "find",
            "Replace",
            "replace-field",
            "next",
            "next",
            "previous",
            "previous",
            "all",
            "all",
            "match case",
            "match-case",
            "regexp",
            "regexp",
            "by word",
            "by-word",
            "replace",
            "replace",
            "replace all",
            "replace-all",
            "close",
            "close",
            "current match",
            "current-match",
            "on line",
            "on-line",
            "Go to line",
            "go-to-line",
            "go",
            "go",
            "Folded lines",
            "folded-lines",
            "Unfolded lines",
            "unfolded-lines",
            "to",
            "to",
            "folded code",
            "folded-code",
            "unfold",
            "unfold",
            "Fold line",
            "fold-line",
            "Unfold line",
            "unfold-line",
            "Diagnostics",
            "diagnostics",
            "No diagnostics",
            "no-diagnostics",
            "Selection deleted",
            "selection-deleted");

    public enum Mode {
        DRL,
        JSON,
        XML
    }

    /** What the web component marks: 1-based line and column. */
    record Mark(int line, int column, String message) {}

    public DrlEditor(Mode mode) {
        super("value", "", false);
        setSynchronizedEvent("change");
        getElement().setProperty("mode", mode.name().toLowerCase());
        setWidthFull();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().getPage().addJsModule(MODULE);
        Map<String, String> phrases = new LinkedHashMap<>();
        PHRASES.forEach((phrase, name) -> phrases.put(phrase, getTranslation("editor.codemirror." + name)));
        getElement().setPropertyMap("phrases", phrases);
    }

    private static Map<String, String> phrases(String... phraseThenName) {
        Map<String, String> phrases = new LinkedHashMap<>();
        for (int i = 0; i < phraseThenName.length; i += 2) phrases.put(phraseThenName[i], phraseThenName[i + 1]);
        return Map.copyOf(phrases);
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        super.setReadOnly(readOnly);
        getElement().setProperty("readonly", readOnly);
    }

    /** Marks these errors on their lines; errors without a line are left to the error list. */
    public void setErrors(List<ArtifactError> errors) {
        getElement()
                .setPropertyList(
                        "errors",
                        errors.stream()
                                .filter(e -> e.line() != null)
                                .map(e -> new Mark(e.line(), e.column() == null ? 1 : e.column(), e.message()))
                                .toList());
    }

    /** Moves the cursor to a line and scrolls it into view. */
    public void revealLine(int line, Integer column) {
        getElement().callJsFunction("revealLine", line, column == null ? 1 : column);
    }
}
