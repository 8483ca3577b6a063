package io.credence.policy;

public enum VersionStatus {
    DRAFT, IN_REVIEW, APPROVED, REJECTED, DEPLOYED, RETIRED
}
