/**
 * Deploying and rolling back a market's policy: the champion per market, its history and the progress of a
 * deployment across the cluster. Every change goes through the engine's deployment service, which audits it.
 */
@NullMarked
package io.credence.workbench.deployment;

import org.jspecify.annotations.NullMarked;
