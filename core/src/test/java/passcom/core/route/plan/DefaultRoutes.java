package passcom.core.route.plan;

import java.util.List;
import passcom.core.route.NetworkLoader;
import passcom.core.route.RouteNetwork;

/** The default network and its two shortest Cuiabá → Porto Alegre routes, checked by hand in several tests. */
final class DefaultRoutes {

    static final RouteNetwork NETWORK = NetworkLoader.loadDefault();
    /** 700 + 1000 + 300 + 460 = 2,460 km. */
    static final List<String> VIA_CURITIBA =
            List.of("Cuiabá", "Campo Grande", "Curitiba", "Florianópolis", "Porto Alegre");
    /** 700 + 980 + 400 + 300 + 460 = 2,840 km. */
    static final List<String> VIA_SAO_PAULO =
            List.of("Cuiabá", "Campo Grande", "São Paulo", "Curitiba", "Florianópolis", "Porto Alegre");

    private DefaultRoutes() {
    }
}
