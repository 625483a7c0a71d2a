package passcom.server.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passcom.core.cpf.Cpf;
import passcom.core.route.Segment;
import passcom.core.route.plan.AirlinePaths;
import passcom.core.txn.AirlineUnreachable;
import passcom.core.txn.Decision;
import passcom.core.txn.Prepare;
import passcom.core.txn.TxnKind;
import passcom.core.txn.Vote;
import passcom.server.PasscomServer;
import passcom.server.ServerConfig;
import passcom.server.auth.FederationSigner;

/** The HTTP port against a real server of airline A: answers, refusals and the failures that mean "unreachable". */
class HttpAirlinePortTest {

    private static final Cpf CPF = Cpf.parse("52998224725");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path dataDir;
    private static PasscomServer airlineA;

    @BeforeAll
    static void start() {
        airlineA = PasscomServer.create(ServerConfig.forTest("A", dataDir)).start();
    }

    @AfterAll
    static void stop() {
        airlineA.close();
    }

    @Test
    void when_the_peer_answers_then_paths_votes_and_decisions_arrive_as_core_types() {
        HttpAirlinePort a = port(airlineA.uri(), ServerConfig.DEV_SECRET);

        AirlinePaths paths = a.paths("Cuiabá", "Goiânia").join();
        Vote vote = a.prepare(new Prepare("port-test-1", "B", TxnKind.PURCHASE, CPF, null,
                List.of(new Segment.Key("Cuiabá", "Goiânia")))).join();
        a.abort("port-test-1").join();
        Decision decision = a.decision("port-test-unknown").join();
        a.ping().join();

        assertThat(paths.airline()).isEqualTo("A");
        assertThat(paths.paths()).contains(List.of("Cuiabá", "Goiânia"));
        assertThat(vote).isInstanceOf(Vote.Held.class);
        assertThat(((Vote.Held) vote).seats()).hasSize(1);
        assertThat(decision).isEqualTo(new Decision.Aborted());
        assertThat(a.tickets(CPF).join().airline()).isEqualTo("A");
    }

    @Test
    void when_the_peer_rejects_a_prepare_as_invalid_then_it_is_a_refusal_not_an_outage() {
        HttpAirlinePort a = port(airlineA.uri(), ServerConfig.DEV_SECRET);

        Vote vote = a.prepare(new Prepare("port-test-2", "B", TxnKind.PURCHASE, CPF, null,
                List.of(new Segment.Key("Cuiabá", "Porto Alegre")))).join();

        assertThat(vote).isInstanceOf(Vote.Refused.class);
    }

    @Test
    void when_the_peer_has_another_secret_then_every_call_is_unreachable() {
        HttpAirlinePort a = port(airlineA.uri(), "wrong-secret");

        assertUnreachable(() -> a.ping().join(), "401");
        assertUnreachable(() -> a.prepare(new Prepare("port-test-3", "B", TxnKind.PURCHASE, CPF, null,
                List.of(new Segment.Key("Cuiabá", "Goiânia")))).join(), "401");
    }

    @Test
    void when_nothing_listens_then_the_future_fails_with_airline_unreachable_naming_the_airline() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpAirlinePort nobody = port(URI.create("http://127.0.0.1:" + closedPort), ServerConfig.DEV_SECRET);

        assertUnreachable(() -> nobody.abort("port-test-4").join(), "conexão recusada");
        assertUnreachable(() -> nobody.paths("Cuiabá", "Goiânia").join(), "conexão recusada");
    }

    private static void assertUnreachable(Runnable call, String mentions) {
        assertThatThrownBy(call::run).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(AirlineUnreachable.class)
                .hasMessageContaining("Companhia A")
                .hasMessageContaining(mentions);
    }

    private static HttpAirlinePort port(URI uri, String secret) {
        return new HttpAirlinePort("A", uri, "B", CLIENT, new FederationSigner(secret, Clock.systemUTC(), Duration.ofSeconds(30)),
                Duration.ofSeconds(2), Duration.ofSeconds(3));
    }
}
