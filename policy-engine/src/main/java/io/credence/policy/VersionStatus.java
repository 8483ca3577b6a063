package io.credence.policy;

/** Where a version is in its lifecycle; {@link Transition} says how it moves between them. */
public enum VersionStatus {
    DRAFT,
    IN_REVIEW,
    APPROVED,
    REJECTED,
    DEPLOYED,
    RETIRED,
    /** A draft its author gave up: kept for the audit trail, left out of every list. */
    DISCARDED
}
