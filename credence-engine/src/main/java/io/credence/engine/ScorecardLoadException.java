package io.credence.engine;

/** A PMML document that does not parse or verify; the message is jpmml's. */
public class ScorecardLoadException extends RuntimeException {
    public ScorecardLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
