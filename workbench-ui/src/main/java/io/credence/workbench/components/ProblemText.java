package io.credence.workbench.components;

import io.credence.workbench.errors.Problem;
import io.credence.workbench.i18n.Words;

/**
 * A refused or failed service call in the reader's words: the kind of refusal translated, then the
 * domain's own explanation (which names versions, fields and rules as the service does). A fault
 * gets only its log reference.
 */
public final class ProblemText {

    private ProblemText() {}

    public static String of(Problem problem, Words words) {
        if (!problem.expected()) return words.translate("editor.problem.fault", problem.reference());
        String kind = switch (problem.httpStatus()) {
            case 400 -> "editor.problem.invalid";
            case 403 -> "editor.problem.forbidden";
            case 404 -> "editor.problem.not-found";
            case 409 -> "editor.problem.conflict";
            case 422 -> "editor.problem.compile";
            default -> "editor.problem.other";
        };
        return words.translate(kind, problem.detail());
    }
}
