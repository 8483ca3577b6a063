/**
 * What is serving: each market's champion, swapped atomically while traffic flows, deployed and
 * rolled back by admins, loaded on start-up and installed from the seed packages on a first start.
 * Compiling and warming happen before the swap, off the request path; a decision holds one
 * {@link io.credence.engine.CompiledPolicy} for its whole life, so it is made wholly by one version.
 */
@Feature(allowedDependencies = {"cluster", "engine", "policy", "shared"})
@NullMarked
package io.credence.deployment;

import io.credence.shared.Feature;
import org.jspecify.annotations.NullMarked;
