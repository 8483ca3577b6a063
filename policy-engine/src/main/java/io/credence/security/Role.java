package io.credence.security;

public enum Role {
    ANALYST,
    REVIEWER,
    ADMIN,
    /** A loan system calling with an API key. */
    LOAN_SYSTEM;

    public String authority() {
        return "ROLE_" + name();
    }
}
