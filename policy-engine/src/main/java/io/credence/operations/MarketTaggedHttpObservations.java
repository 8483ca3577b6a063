package io.credence.operations;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Spring's http.server.requests, with one more tag: the market a decision call was made in ("none"
 * for every other call, a repeated application answered from the log, or a request refused before
 * its market was known), so HTTP latency can be read per market beside the engine's own time.
 * Boot uses a bean of this type in place of its default convention.
 */
@Component
class MarketTaggedHttpObservations extends DefaultServerRequestObservationConvention {

    static final String MARKET_ATTRIBUTE = MarketTaggedHttpObservations.class.getName() + ".market";

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        Object market =
                context.getCarrier() == null ? null : context.getCarrier().getAttribute(MARKET_ATTRIBUTE);
        return super.getLowCardinalityKeyValues(context)
                .and(KeyValue.of("market", market instanceof String m ? m : "none"));
    }
}
