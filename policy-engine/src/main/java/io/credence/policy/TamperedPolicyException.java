package io.credence.policy;

/** A stored version whose artifacts no longer match the digest it was approved with. */
public class TamperedPolicyException extends RuntimeException {
    public TamperedPolicyException(String market, int version, String expected, String actual) {
        super("Policy " + market + " v" + version + " does not match its digest: approved " + expected
                + ", stored artifacts hash to " + actual + ". Refusing to load it.");
    }
}
