package io.credence.workbench.policy;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The artifacts of a version as the analyst is editing them: what was last saved, and the edits on
 * top. Only artifacts that differ from the saved text count as changes, so typing a line and
 * deleting it again leaves nothing to save.
 */
final class WorkingCopy {

    private SortedMap<String, String> saved;
    private final SortedMap<String, String> edited = new TreeMap<>();

    WorkingCopy(Map<String, String> saved) {
        this.saved = new TreeMap<>(saved);
    }

    void edit(String artifact, String text) {
        if (text == null || text.equals(saved.get(artifact))) {
            edited.remove(artifact);
        } else {
            edited.put(artifact, text);
        }
    }

    String text(String artifact) {
        return edited.getOrDefault(artifact, saved.getOrDefault(artifact, ""));
    }

    /** Every artifact as the analyst sees it now: the saved texts with the edits on top. */
    Map<String, String> current() {
        SortedMap<String, String> current = new TreeMap<>(saved);
        current.putAll(edited);
        return Collections.unmodifiableSortedMap(current);
    }

    /** Only the changed artifacts: what a save or a validation sends over the saved version. */
    Map<String, String> changes() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(edited));
    }

    boolean isChanged(String artifact) {
        return edited.containsKey(artifact);
    }

    boolean isDirty() {
        return !edited.isEmpty();
    }

    /** After a successful save: the stored artifacts become the base and nothing is pending. */
    void saved(Map<String, String> stored) {
        saved = new TreeMap<>(stored);
        edited.clear();
    }

    void discard() {
        edited.clear();
    }
}
