package io.credence.experiment;

import io.credence.shared.Hashing;

/**
 * Which arm a customer belongs to: the first 64 bits of SHA-256 over the experiment id and the
 * customer id, reduced to one of 10,000 buckets. The same customer always lands in the same arm of an
 * experiment, on every instance and after every restart, and a new experiment shuffles customers
 * afresh, so no customer is a challenger in every experiment.
 */
final class Assignment {

    static final int BUCKETS = 10_000;

    private Assignment() {}

    static int bucket(String experimentId, String customerId) {
        String hex = Hashing.sha256Hex(experimentId + '\u001f' + customerId);
        return (int) Long.remainderUnsigned(Long.parseUnsignedLong(hex.substring(0, 16), 16), BUCKETS);
    }

    static boolean toChallenger(String experimentId, String customerId, int trafficPercent) {
        return bucket(experimentId, customerId) < trafficPercent * (BUCKETS / 100);
    }
}
