package io.credence.workbench.errors;

import io.credence.engine.ArtifactError;
import io.credence.engine.PolicyCompilationException;
import io.credence.shared.FieldProblem;
import io.credence.shared.ForbiddenActionException;
import io.credence.shared.InvalidRequestException;
import io.credence.shared.NotFoundException;
import io.credence.shared.StateConflictException;
import io.credence.workbench.i18n.Words;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a person is told when something fails, in their language: for a domain exception, a
 * translated title over what went wrong in the domain's words (the engine speaks English, so its
 * detail stays as it said it); for anything else, only that it failed and a reference to find it
 * in the log. Never a class name or a stack trace.
 *
 * @param expected a refusal the domain foresees (not found, wrong state, not allowed, invalid
 *        input), as opposed to a fault, which is logged under {@code reference}
 */
public record Problem(String title, String detail, boolean expected, int httpStatus, String reference) {

    private static final int ARTIFACT_ERRORS_SHOWN = 5;

    /** In the language of the current UI. */
    public static Problem of(Throwable thrown) {
        return of(thrown, Words.current());
    }

    public static Problem of(Throwable thrown, Words texts) {
        Throwable cause = domainCause(thrown);
        return switch (cause) {
            case NotFoundException e -> expected(texts.translate("errors.not-found"), e.getMessage(), 404);
            case StateConflictException e -> expected(texts.translate("errors.conflict"), e.getMessage(), 409);
            case ForbiddenActionException e -> expected(texts.translate("errors.forbidden"), e.getMessage(), 403);
            case InvalidRequestException e -> expected(texts.translate("errors.invalid"), fields(e, texts), 400);
            case PolicyCompilationException e ->
                expected(texts.translate("errors.compilation"), artifacts(e, texts), 422);
            case null, default -> {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                yield new Problem(
                        texts.translate("errors.failure"),
                        texts.translate("errors.failure.detail", reference),
                        false,
                        500,
                        reference);
            }
        };
    }

    private static Problem expected(String title, String detail, int status) {
        return new Problem(title, detail, true, status, null);
    }

    /** The first domain exception in the cause chain: Vaadin wraps listener failures in its own. */
    private static Throwable domainCause(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NotFoundException
                    || t instanceof StateConflictException
                    || t instanceof ForbiddenActionException
                    || t instanceof InvalidRequestException
                    || t instanceof PolicyCompilationException) {
                return t;
            }
        }
        return thrown;
    }

    private static String fields(InvalidRequestException e, Words texts) {
        return e.problems().stream()
                .map(p -> field(p, texts))
                .collect(Collectors.joining(texts.translate("errors.separator")));
    }

    private static String field(FieldProblem p, Words texts) {
        return texts.translate("errors.field", p.field(), p.message());
    }

    private static String artifacts(PolicyCompilationException e, Words texts) {
        String shown = e.errors().stream()
                .limit(ARTIFACT_ERRORS_SHOWN)
                .map(error -> artifact(error, texts))
                .collect(Collectors.joining(texts.translate("errors.separator")));
        int more = e.errors().size() - ARTIFACT_ERRORS_SHOWN;
        return more > 0
                ? shown + texts.translate("errors.separator") + texts.translate("errors.compilation.more", more)
                : shown;
    }

    private static String artifact(ArtifactError error, Words texts) {
        String where = error.line() == null ? error.artifact() : error.artifact() + ":" + error.line();
        return texts.translate("errors.field", where, error.message());
    }
}
