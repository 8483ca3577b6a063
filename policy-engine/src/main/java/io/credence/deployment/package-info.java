/**
 * What is serving: each market's champion, swapped atomically while traffic flows, deployed and
 * rolled back by admins, loaded on start-up and installed from the seed packages on a first start.
 * Compiling and warming happen before the swap, off the request path; a decision holds one
 * {@link io.credence.engine.CompiledPolicy} for its whole life, so it is made wholly by one version.
 */
package io.credence.deployment;
