package io.credence.decision;

import io.credence.engine.CompiledPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Which version answers an application and which, if any, decides it in the shadow: the experiment
 * feature implements it, so deciding needs no knowledge of experiments (and experiments, which read
 * the decision log, form no cycle with deciding).
 */
public interface DecisionRouting {

    String CHAMPION = "champion";
    String CHALLENGER = "challenger";

    /**
     * How to decide one application: {@code policy} answers, from arm {@code arm}; {@code shadow}, when
     * not null, decides the same application silently and its result is stored beside the answer.
     * {@code experimentId} is null when the market runs no experiment.
     */
    record Route(
            CompiledPolicy policy,
            String arm,
            @Nullable String experimentId,
            @Nullable CompiledPolicy shadow) {}

    /** The route for an application of {@code champion}'s market from {@code customerId}. */
    Route route(CompiledPolicy champion, String customerId);
}
