/**
 * Champion/challenger experiments: a reviewer lets an approved challenger version answer a share of a
 * market's customers (SPLIT) or decide silently beside the champion on every application (SHADOW),
 * watches the two arms compared, and stops the experiment or promotes the challenger.
 *
 * <p>{@link io.credence.experiment.ExperimentRouter} holds each market's running experiment in memory
 * and tells the decision feature, per application, which version answers and which decides in the
 * shadow; a customer's arm is a hash of the experiment id and the customer id, so it never changes.
 * Everything an experiment reports is aggregated from the decision log, never from counters, so it
 * survives restarts and counts the decisions of every instance of a cluster. A guard rail stops an
 * experiment whose challenger's approval rate strays too far from the champion's.
 */
@Feature(allowedDependencies = {"audit", "cluster", "decision", "deployment", "engine", "policy", "shared"})
@NullMarked
package io.credence.experiment;

import io.credence.shared.Feature;
import org.jspecify.annotations.NullMarked;
