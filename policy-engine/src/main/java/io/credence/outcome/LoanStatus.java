package io.credence.outcome;

/** A loan's servicing status, as the contract names them; DEFAULTED and CHARGED_OFF make a loan bad. */
enum LoanStatus {
    CURRENT,
    DELINQUENT,
    DEFAULTED,
    CHARGED_OFF,
    PAID_OFF,
    CLOSED;

    boolean isBad() {
        return this == DEFAULTED || this == CHARGED_OFF;
    }
}
