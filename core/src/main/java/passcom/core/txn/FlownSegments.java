package passcom.core.txn;

import java.util.Set;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.core.route.UnknownSegment;

/** The one check that a customer's leg exists and is flown by the airline they named: purchases and seat maps use it. */
final class FlownSegments {

    private FlownSegments() {
    }

    /**
     * The segment {@code from → to}, flown by {@code airline} of this {@code federation}.
     * @throws UnknownSegment the network has no such segment, the airline is not in the federation, or it does not fly it
     */
    static Segment require(RouteNetwork network, Set<String> federation, String from, String to, String airline) {
        Segment segment = network.segment(from, to)
                .orElseThrow(() -> new UnknownSegment("o trecho " + from + " → " + to + " não existe na rede"));
        if (airline == null || !federation.contains(airline)) {
            throw new UnknownSegment("companhia desconhecida: '" + airline + "'");
        }
        if (!network.airline(airline).map(a -> a.flies(segment.key())).orElse(false)) {
            throw new UnknownSegment("a companhia " + airline + " não voa o trecho " + from + " → " + to);
        }
        return segment;
    }
}
