package io.credence.security;

import io.credence.shared.ForbiddenActionException;
import java.util.List;

/** A loan system's key used for a market it is not limited to: a 403 that names both. */
public class MarketNotAllowedException extends ForbiddenActionException {

    MarketNotAllowedException(String keyName, String market, List<String> markets) {
        super("API key '" + keyName + "' may not be used for market " + market + "; it is limited to "
                + String.join(", ", markets) + ".");
    }
}
