package io.credence.shared;

/** The caller may not do this, whatever the state: four-eyes, for example. */
public class ForbiddenActionException extends RuntimeException {
    public ForbiddenActionException(String message) {
        super(message);
    }
}
