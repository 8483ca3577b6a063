package io.credence.engine;

import java.util.List;

/** A policy package that does not compile or validate, with every error found in it. */
public class PolicyCompilationException extends RuntimeException {

    private final List<ArtifactError> errors;

    public PolicyCompilationException(List<ArtifactError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public List<ArtifactError> errors() {
        return errors;
    }

    private static String summary(List<ArtifactError> errors) {
        StringBuilder text = new StringBuilder(errors.size() + " error(s) in policy package");
        for (ArtifactError e : errors) {
            text.append("\n  ").append(e.artifact());
            if (e.line() != null) {
                text.append(':').append(e.line());
                if (e.column() != null) text.append(':').append(e.column());
            }
            text.append(' ').append(e.message());
        }
        return text.toString();
    }
}
