package io.credence.workbench.errors;

import io.credence.engine.ArtifactError;
import io.credence.engine.PolicyCompilationException;
import io.credence.shared.FieldProblem;
import io.credence.shared.ForbiddenActionException;
import io.credence.shared.InvalidRequestException;
import io.credence.shared.NotFoundException;
import io.credence.shared.StateConflictException;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a person is told when something fails: for a domain exception, what went wrong in the
 * domain's words; for anything else, only that it failed and a reference to find it in the log.
 * Never a class name or a stack trace.
 *
 * @param expected a refusal the domain foresees (not found, wrong state, not allowed, invalid
 *        input), as opposed to a fault, which is logged under {@code reference}
 */
public record Problem(String title, String detail, boolean expected, int httpStatus, String reference) {

    public static Problem of(Throwable thrown) {
        Throwable cause = domainCause(thrown);
        return switch (cause) {
            case NotFoundException e -> expected("Not found", e.getMessage(), 404);
            case StateConflictException e -> expected("Not possible right now", e.getMessage(), 409);
            case ForbiddenActionException e -> expected("Not allowed", e.getMessage(), 403);
            case InvalidRequestException e -> expected("Please check the input", fields(e), 400);
            case PolicyCompilationException e -> expected("The policy does not compile", artifacts(e), 422);
            case null, default -> {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                yield new Problem("Something went wrong",
                        "The error was logged with reference " + reference + ". Please try again; if it persists, "
                                + "give the reference to your administrator.", false, 500, reference);
            }
        };
    }

    private static Problem expected(String title, String detail, int status) {
        return new Problem(title, detail, true, status, null);
    }

    /** The first domain exception in the cause chain: Vaadin wraps listener failures in its own. */
    private static Throwable domainCause(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NotFoundException || t instanceof StateConflictException
                    || t instanceof ForbiddenActionException || t instanceof InvalidRequestException
                    || t instanceof PolicyCompilationException) {
                return t;
            }
        }
        return thrown;
    }

    private static String fields(InvalidRequestException e) {
        return e.problems().stream().map(Problem::field).collect(Collectors.joining("; "));
    }

    private static String field(FieldProblem p) {
        return p.field() + " " + p.message();
    }

    private static String artifacts(PolicyCompilationException e) {
        return e.errors().stream().limit(5).map(Problem::artifact).collect(Collectors.joining("; "))
                + (e.errors().size() > 5 ? "; and " + (e.errors().size() - 5) + " more" : "");
    }

    private static String artifact(ArtifactError error) {
        String where = error.line() == null ? error.artifact() : error.artifact() + ":" + error.line();
        return where + " " + error.message();
    }
}
