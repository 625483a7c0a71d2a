package passcom.client;

import java.util.Optional;
import passcom.api.Rede;
import passcom.client.api.PasscomClient;
import passcom.client.api.PasscomException;
import passcom.client.api.ServerEndpoint;
import passcom.client.map.NetworkMap;

/**
 * The network the map shows, as the connected server's {@code GET /rede} describes it: the federation's
 * network is whatever its servers loaded (a federation started with {@code --network other.json} runs
 * other cities), so the client carries no copy of its own. A server that predates {@code /rede} (404) is
 * still usable: the network is then {@link NetworkMap#EMPTY}, the map shows land only, city names are typed,
 * and {@link #published()} is false so that the window can say why.
 */
public record FederationNetwork(NetworkMap map, boolean published, ServerEndpoint from) {

    /** Asks the connected server (with failover); blocks, so never on the event thread. */
    public static FederationNetwork fetch(PasscomClient client) throws PasscomException, InterruptedException {
        Optional<Rede> rede = client.rede();
        return new FederationNetwork(rede.map(NetworkMap::of).orElse(NetworkMap.EMPTY), rede.isPresent(), client.connected());
    }
}
