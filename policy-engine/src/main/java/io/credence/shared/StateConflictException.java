package io.credence.shared;

/** The request is well-formed and allowed, but the current state does not permit it. */
public class StateConflictException extends RuntimeException {
    public StateConflictException(String message) {
        super(message);
    }
}
