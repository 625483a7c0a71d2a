package passcom.core.route;

import passcom.core.InvalidRequest;

/** A request named a city the network does not have. */
public final class UnknownCity extends InvalidRequest {
    public UnknownCity(String name) {
        super("Cidade desconhecida: '" + name + "'");
    }
}
