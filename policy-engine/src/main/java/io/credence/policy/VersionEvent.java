package io.credence.policy;

import java.time.Instant;

/**
 * What happened to a version, published by {@link VersionLifecycle} inside the transaction that made
 * it happen: the audit trail, metrics and cluster signals listen rather than being called.
 */
public sealed interface VersionEvent {

    String market();

    int version();

    String actor();

    String digest();

    Instant at();

    record VersionCreated(String market, int version, String actor, String digest, Instant at)
            implements VersionEvent {}

    record VersionUpdated(String market, int version, String actor, String digest, Instant at)
            implements VersionEvent {}

    record VersionSubmitted(String market, int version, String actor, String digest, Instant at)
            implements VersionEvent {}

    record VersionApproved(String market, int version, String actor, String digest, Instant at, String comment)
            implements VersionEvent {}

    record VersionRejected(String market, int version, String actor, String digest, Instant at, String comment)
            implements VersionEvent {}

    record VersionDiscarded(String market, int version, String actor, String digest, Instant at)
            implements VersionEvent {}

    /** A version now serving the market after {@code transition} (DEPLOY, REDEPLOY, PROMOTE or ROLL_BACK). */
    record VersionDeployed(
            String market,
            int version,
            String actor,
            String digest,
            Instant at,
            Transition transition,
            Integer replaced,
            String reason)
            implements VersionEvent {}

    /** The champion {@code replacedBy} replaced. */
    record VersionRetired(String market, int version, String actor, String digest, Instant at, int replacedBy)
            implements VersionEvent {}
}
