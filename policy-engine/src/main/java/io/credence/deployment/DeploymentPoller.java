package io.credence.deployment;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The fallback for cluster propagation: every couple of seconds, a look at the newest deployment
 * id. Catches what a lost LISTEN connection missed, well inside the 5 seconds a cluster promises.
 */
@Component
class DeploymentPoller {

    private final DeploymentService deployments;
    private final PolicyStartup startup;
    private volatile long lastSeen = -1;

    DeploymentPoller(DeploymentService deployments, PolicyStartup startup) {
        this.deployments = deployments;
        this.startup = startup;
    }

    @Scheduled(fixedDelayString = "${credence.cluster.poll-ms:2000}")
    void poll() {
        if (!startup.loaded()) return;
        long newest = deployments.lastDeploymentId();
        if (newest != lastSeen) {
            deployments.syncChampions();
            lastSeen = newest;
        }
    }
}
