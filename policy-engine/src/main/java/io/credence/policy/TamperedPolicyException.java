package io.credence.policy;

import io.credence.shared.StateConflictException;

/** A stored version whose artifacts no longer match the digest it was approved with. */
public class TamperedPolicyException extends StateConflictException {
    public TamperedPolicyException(String market, int version, String expected, String actual) {
        super("Policy " + market + " v" + version + " does not match its digest: approved " + expected
                + ", stored artifacts hash to " + actual + ". Refusing to load it.");
    }
}
