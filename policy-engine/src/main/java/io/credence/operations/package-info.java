/**
 * Running Credence: what the team that operates it watches. Metrics for Prometheus (decisions,
 * engine and HTTP latency per market, policy faults, deployments, the decision-log write), health
 * groups for probes, redaction of personal data in structured logs, and drift alerts: each market's
 * approval rate and score distribution over the last hour against the trailing seven days, and its
 * champion's Gini on realised outcomes against the version's first months.
 *
 * <p>It listens to what the decision, deployment and outcome features publish and reads the decision log
 * and the outcome feature's Gini trend;
 * nothing in the engine or the features depends on it.
 */
@Feature(allowedDependencies = {"audit", "decision", "deployment", "engine", "outcome"})
@NullMarked
package io.credence.operations;

import io.credence.shared.Feature;
import org.jspecify.annotations.NullMarked;
