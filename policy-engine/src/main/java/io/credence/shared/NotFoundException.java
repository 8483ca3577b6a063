package io.credence.shared;

/** The thing asked for does not exist (or, for a market, has nothing deployed). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
