package io.credence.deployment;

import io.credence.cluster.ClusterSignals;
import io.credence.policy.VersionEvent.VersionDeployed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the other instances of a cluster that a market's champion changed, from the lifecycle's event:
 * published inside the transaction that changed it, so the signal commits with the change.
 */
@Component
class ClusterAnnouncements {

    private final ClusterSignals cluster;

    ClusterAnnouncements(ClusterSignals cluster) {
        this.cluster = cluster;
    }

    @EventListener
    void on(VersionDeployed deployed) {
        cluster.announce(DeploymentService.TOPIC);
    }
}
