/**
 * Running Credence: what the team that operates it watches. Metrics for Prometheus (decisions,
 * engine and HTTP latency per market, policy faults, deployments, the decision-log write), health
 * groups for probes, redaction of personal data in structured logs, and drift alerts: each market's
 * approval rate and score distribution over the last hour against the trailing seven days.
 *
 * <p>It listens to what the decision and deployment features publish and reads the decision log;
 * nothing in the engine or the features depends on it.
 */
@Feature(allowedDependencies = {"audit", "decision", "deployment", "engine"})
@NullMarked
package io.credence.operations;

import io.credence.shared.Feature;
import org.jspecify.annotations.NullMarked;
