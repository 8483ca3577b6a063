/**
 * The decision engine proper: compiles a market's policy package (three DRL stages, a PMML
 * scorecard, market settings) into an immutable {@link io.credence.engine.CompiledPolicy} and runs
 * applications through fraud, scorecard, approval and pricing. Knows nothing of HTTP, storage or
 * who deployed what; the decision, policy, simulation and experiment features all decide through
 * this one pipeline.
 */
@Feature(allowedDependencies = {"shared", "vocabulary"})
@NullMarked
package io.credence.engine;

import io.credence.shared.Feature;
import org.jspecify.annotations.NullMarked;
