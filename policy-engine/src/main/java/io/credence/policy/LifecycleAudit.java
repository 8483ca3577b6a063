package io.credence.policy;

import io.credence.audit.AuditTrail;
import io.credence.policy.VersionEvent.VersionApproved;
import io.credence.policy.VersionEvent.VersionCreated;
import io.credence.policy.VersionEvent.VersionDeployed;
import io.credence.policy.VersionEvent.VersionDiscarded;
import io.credence.policy.VersionEvent.VersionRejected;
import io.credence.policy.VersionEvent.VersionRetired;
import io.credence.policy.VersionEvent.VersionSubmitted;
import io.credence.policy.VersionEvent.VersionUpdated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the audit trail of the version lifecycle from its events. It listens synchronously, so the
 * entry commits (or not) with the change it records. Action names are the ones the trail always had.
 */
@Component
class LifecycleAudit {

    private final AuditTrail audit;

    LifecycleAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void on(VersionEvent event) {
        String v = "v" + event.version();
        switch (event) {
            case VersionCreated e -> audit.record(e.actor(), e.market(), "VERSION_CREATED", v, e.digest());
            case VersionUpdated e -> audit.record(e.actor(), e.market(), "VERSION_EDITED", v, e.digest());
            case VersionSubmitted e -> audit.record(e.actor(), e.market(), "VERSION_SUBMITTED", v, e.digest());
            case VersionApproved e -> audit.record(e.actor(), e.market(), "VERSION_APPROVED", v, e.comment());
            case VersionRejected e -> audit.record(e.actor(), e.market(), "VERSION_REJECTED", v, e.comment());
            case VersionDiscarded e -> audit.record(e.actor(), e.market(), "VERSION_DISCARDED", v, e.digest());
            case VersionDeployed e -> deployed(e);
            // The deployment that retired it names it ("v7 replaces v6"); one entry per change of champion.
            case VersionRetired e -> {}
        }
    }

    private void deployed(VersionDeployed e) {
        String reason = e.reason() == null || e.reason().isBlank() ? "" : "; reason: " + e.reason();
        switch (e.transition()) {
            case ROLL_BACK ->
                audit.record(
                        e.actor(),
                        e.market(),
                        "ROLLBACK",
                        "v" + e.replaced() + " -> v" + e.version(),
                        e.digest() + reason);
            case PROMOTE -> audit.record(e.actor(), e.market(), "PROMOTE", replaces(e), e.digest() + reason);
            case REDEPLOY ->
                audit.record(
                        e.actor(),
                        e.market(),
                        "DEPLOY",
                        replaces(e) + " (redeployed from RETIRED)",
                        e.digest() + reason);
            default -> audit.record(e.actor(), e.market(), "DEPLOY", replaces(e), e.digest() + reason);
        }
    }

    private static String replaces(VersionDeployed e) {
        return "v" + e.version() + (e.replaced() == null ? "" : " replaces v" + e.replaced());
    }
}
