/**
 * The facts a policy author's DRL sees: the application as typed, immutable facts named after the
 * contract's JSON, derived features, velocity and fraud-list signals, the scorecard result and the
 * market's settings, plus the one mutable {@link io.credence.vocabulary.Decision} that rules write
 * their verdict to. Everything here is documented for analysts in docs/authoring.md, and it is the
 * allow-list of what a policy may touch.
 */
@NullMarked
package io.credence.vocabulary;

import org.jspecify.annotations.NullMarked;
