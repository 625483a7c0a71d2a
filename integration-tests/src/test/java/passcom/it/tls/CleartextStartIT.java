package passcom.it.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passcom.server.BadFlag;
import passcom.server.PasscomServer;
import passcom.server.ServerConfig;

/**
 * Plain HTTP only on loopback (issue 17), with real starts: 0.0.0.0 without TLS is refused before anything
 * binds; with {@code --inseguro} a server does start on a non-loopback address. That address is this
 * machine's own interface address (the traffic never leaves the machine); a machine with loopback only
 * skips that half, and the decision itself is covered address by address in CleartextRuleTest.
 */
class CleartextStartIT {

    @TempDir
    Path dir;

    @Test
    void when_plain_http_would_listen_on_every_interface_then_the_start_is_refused_saying_what_to_do() {
        ServerConfig config = ServerConfig.forTest("A", dir.resolve("A")).withHost("0.0.0.0");

        assertThatThrownBy(() -> PasscomServer.create(config).start())
                .isInstanceOf(BadFlag.class)
                .hasMessageContaining("0.0.0.0").hasMessageContaining("clear text")
                .hasMessageContaining("--tls-cert").hasMessageContaining("--inseguro");
    }

    @Test
    void when_inseguro_is_given_then_plain_http_serves_on_a_non_loopback_address() throws Exception {
        Optional<InetAddress> own = ownNonLoopbackAddress();
        assumeTrue(own.isPresent(), "this machine has no non-loopback IPv4 address to bind");
        String host = own.get().getHostAddress();
        ServerConfig config = ServerConfig.forTest("A", dir.resolve("A")).withHost(host)
                .withTransport(new ServerConfig.Transport(Optional.empty(), true));

        try (PasscomServer server = PasscomServer.create(config).start()) {
            URI health = URI.create("http://" + host + ":" + server.uri().getPort() + "/saude");
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(server.uri().getHost()).isEqualTo(host);
            assertThat(answer.statusCode()).isEqualTo(200);
        }
    }

    private static Optional<InetAddress> ownNonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
