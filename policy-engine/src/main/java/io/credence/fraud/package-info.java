/**
 * Per-market fraud lists of customer ids and device fingerprints, each entry with a reason and an
 * optional expiry, managed by admins and audited. The decision path asks {@link
 * io.credence.fraud.FraudLists#matches} for the unexpired entries that match an application.
 */
@Feature(allowedDependencies = {"audit", "cluster", "engine", "shared", "vocabulary"})
@NullMarked
package io.credence.fraud;

import io.credence.shared.Feature;
import org.jspecify.annotations.NullMarked;
