package passcom.it.tls;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import passcom.core.route.RouteNetwork;
import passcom.it.FreePorts;
import passcom.server.PasscomServer;
import passcom.server.ServerConfig;
import passcom.server.tls.FederationCa;

/**
 * Three airlines in this JVM over HTTPS on 127.0.0.1 with mutual TLS between them, each with a certificate
 * from a throwaway {@link FederationCa} in a temporary folder. Ports are chosen before any server starts, so
 * every server can be given its peers' https URLs (there is no proxy in front, unlike the plain Cluster).
 */
final class TlsFederation implements AutoCloseable {

    static final List<String> HOSTS = List.of("127.0.0.1", "localhost");
    private static final ServerConfig.Timing TIMING = new ServerConfig.Timing(
            Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofMillis(100));

    final FederationCa ca;
    final Map<String, FederationCa.Issued> certificates = new LinkedHashMap<>();
    private final Map<String, PasscomServer> servers = new LinkedHashMap<>();
    private final Map<String, URI> uris = new LinkedHashMap<>();

    TlsFederation(RouteNetwork network, Path root, String... airlines) {
        ca = FederationCa.openOrCreate(root.resolve("tls"));
        for (String airline : airlines) {
            certificates.put(airline, ca.issue(airline, HOSTS));
            uris.put(airline, URI.create("https://127.0.0.1:" + FreePorts.next()));
        }
        try {
            for (String airline : airlines) {
                Map<String, URI> peers = new LinkedHashMap<>(uris);
                peers.remove(airline);
                FederationCa.Issued own = certificates.get(airline);
                ServerConfig config = ServerConfig.forTest(airline, root.resolve(airline))
                        .withPort(uris.get(airline).getPort()).withPeers(peers).withTiming(TIMING)
                        .withTransport(ServerConfig.Transport.of(new ServerConfig.Tls(own.certificate(), own.key(), ca.caFile())));
                servers.put(airline, PasscomServer.create(config, network).start());
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    URI uri(String airline) {
        return servers.get(airline).uri();
    }

    PasscomServer server(String airline) {
        return servers.get(airline);
    }

    @Override
    public void close() {
        servers.values().forEach(PasscomServer::close);
    }
}
