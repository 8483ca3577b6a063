/**
 * Policy versions: a market's complete package (three DRL stages, the scorecard, the settings),
 * numbered per market, immutable once submitted and identified by a digest of its exact bytes.
 * Holds the version lifecycle DRAFT → IN_REVIEW → APPROVED | REJECTED, APPROVED → DEPLOYED ⇄ RETIRED,
 * DRAFT → DISCARDED: one transition table ({@link io.credence.policy.Transition}) checks status, role and
 * four-eyes for every caller, and {@link io.credence.policy.VersionLifecycle} publishes each change as a
 * {@link io.credence.policy.VersionEvent} that the audit trail and cluster signals listen to.
 */
@Feature(allowedDependencies = {"audit", "engine", "security", "shared", "web"})
@NullMarked
package io.credence.policy;

import io.credence.shared.Feature;
import org.jspecify.annotations.NullMarked;
