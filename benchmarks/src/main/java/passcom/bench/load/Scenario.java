package passcom.bench.load;

import java.util.Arrays;
import java.util.List;

/** What the simulated customers do; each runs at every client count of the matrix for a fixed time. */
enum Scenario {
    /** GET /caminhos_cliente for a random origin and destination, at a random server: the plentiful default network. */
    ROUTE_DEFAULT("route-default", "route query, default network (2,000 seats per segment)"),
    /** The same on the 1,000-city network. */
    ROUTE_1000("route-1000", "route query, 1,000-city network"),
    /** One leg on one airline, spread over every (segment, airline) with plentiful seats. */
    PURCHASE_1LEG("purchase-1leg", "1-leg purchase"),
    /** Three legs on A, B and C in some order, spread over every such itinerary with plentiful seats. */
    PURCHASE_3AIRLINE("purchase-3airline", "3-airline purchase"),
    /** Every client buys one of B's scarce segments (10 seats): sold (200) against refused (409). */
    CONTENTION("contention", "contention, 10 seats for all clients"),
    /** 90 % route queries, 10 % purchases (half 1-leg, half 3-airline). */
    MIXED("mixed", "mixed: 90 % route queries, 10 % purchases");

    final String flag;
    final String title;

    Scenario(String flag, String title) {
        this.flag = flag;
        this.title = title;
    }

    boolean onLargeNetwork() {
        return this == ROUTE_1000;
    }

    static List<Scenario> parse(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(name -> Arrays.stream(values())
                .filter(s -> s.flag.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + name + "'; known: "
                        + Arrays.stream(values()).map(s -> s.flag).toList()))).toList();
    }
}
