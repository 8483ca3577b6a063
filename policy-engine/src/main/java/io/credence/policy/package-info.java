/**
 * Policy versions: a market's complete package (three DRL stages, the scorecard, the settings),
 * numbered per market, immutable once submitted and identified by a digest of its exact bytes.
 * Holds the review state machine DRAFT → IN_REVIEW → APPROVED | REJECTED → DEPLOYED → RETIRED.
 */
package io.credence.policy;
