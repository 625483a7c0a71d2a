package passcom.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passcom.server.PasscomServer;
import passcom.server.ServerConfig;
import passcom.server.tls.FederationCa;

/** The driver's connection speaks HTTPS to an https:// server, trusting the federation CA of {@code passcom.ca}. */
class KeepAliveConnectionTlsTest {

    @TempDir
    Path dir;

    @Test
    void when_the_server_is_https_then_requests_go_over_tls_on_one_kept_alive_connection() throws Exception {
        FederationCa ca = FederationCa.openOrCreate(dir.resolve("tls"));
        FederationCa.Issued a = ca.issue("A", List.of("127.0.0.1"));
        // Read once, when the first https connection of this JVM opens.
        System.setProperty("passcom.ca", ca.caFile().toString());
        ServerConfig config = ServerConfig.forTest("A", dir.resolve("A"))
                .withTransport(ServerConfig.Transport.of(new ServerConfig.Tls(a.certificate(), a.key(), ca.caFile())));

        try (PasscomServer server = PasscomServer.create(config).start(); KeepAliveConnection connection = new KeepAliveConnection(server.uri())) {
            assertThat(server.uri().getScheme()).isEqualTo("https");
            assertThat(connection.get("/saude")).isEqualTo(200);
            assertThat(connection.get("/caminhos_cliente?origem=Cuiab%C3%A1&destino=Goi%C3%A2nia")).isEqualTo(200);
        }
    }
}
