/**
 * Decisions for loan systems: validate the request, enrich it with fraud-list matches and velocity,
 * run it through the market's champion, store it before answering, and later look it up (masked)
 * or replay it on the exact version that made it.
 */
@Feature(allowedDependencies = {"audit", "deployment", "engine", "fraud", "security", "shared", "web"})
@NullMarked
package io.credence.decision;

import io.credence.shared.Feature;
import org.jspecify.annotations.NullMarked;
