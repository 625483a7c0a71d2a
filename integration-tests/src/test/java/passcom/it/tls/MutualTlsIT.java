package passcom.it.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.SSLSocket;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passcom.api.CompraResposta;
import passcom.api.Json;
import passcom.api.PedidoCompra;
import passcom.cli.PasscomCli;
import passcom.client.api.PasscomClient;
import passcom.client.api.RequestRejected;
import passcom.client.api.ServerEndpoint;
import passcom.client.api.ServerTrust;
import passcom.client.api.UntrustedServer;
import passcom.core.route.NetworkLoader;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.server.ServerConfig;
import passcom.server.auth.FederationSigner;
import passcom.server.peer.FederationPaths;
import passcom.server.peer.PeerHttpClient;
import passcom.server.tls.FederationCa;
import passcom.server.tls.FederationTls;
import passcom.server.tls.PemKeyStores;

/**
 * Issue 17 over real TLS: three airlines in this JVM ({@link TlsFederation}), HTTPS for customers and mutual
 * TLS between airlines, every certificate from a throwaway federation CA. A refused peer call must change
 * nothing: the seat counts a customer would see stay as they were.
 */
class MutualTlsIT {

    private static final String CPF = "529.982.247-25";
    /** Generous: a first TLS handshake on two shared cores at load 20 took over the default 1.5 s of a health call. */
    private static final PasscomClient.Timeouts TIMEOUTS = new PasscomClient.Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(20),
            Duration.ofSeconds(30), Duration.ofSeconds(10));
    private static final FederationSigner SIGNER = new FederationSigner(ServerConfig.DEV_SECRET, Clock.systemUTC(), Duration.ofSeconds(30));

    @TempDir
    static Path dir;
    private static RouteNetwork network;
    private static TlsFederation federation;
    /** One client, so that its connections (and their handshakes) are reused from one call to the next. */
    private static PasscomClient customer;

    @BeforeAll
    static void start() {
        network = NetworkLoader.loadDefault();
        federation = new TlsFederation(network, dir, "A", "B", "C");
        customer = trustingClient();
    }

    @AfterAll
    static void stop() {
        if (federation != null) {
            federation.close();
        }
    }

    @Test
    void when_a_customer_buys_legs_of_three_airlines_over_https_then_each_airline_sells_its_leg_over_mutual_tls() throws Exception {
        PasscomClient client = customer;
        List<List<String>> caminho = threeAirlineItinerary();
        assertThat(client.search(caminho.get(1).get(0), caminho.get(1).get(3)).companhiasIndisponiveis())
                .as("every peer answered the search over mutual TLS").isEmpty();

        CompraResposta bought = client.buy(new PedidoCompra(CPF, caminho, UUID.randomUUID().toString()));

        assertThat(bought.resultado()).isEqualTo(CompraResposta.SUCESSO);
        assertThat(bought.passagem().trechos()).extracting(leg -> leg.companhia()).containsExactly("A", "B", "C");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String airline : List.of("A", "B", "C")) {
                assertThat(client.health(endpoint(airline)).reservasAbertas()).as("%s holds nothing once decided", airline).isZero();
            }
        });
        // Found by localizador and CPF, as a guest does: listing a CPF's bookings needs an account (issue 16).
        String localizador = bought.passagem().localizador();
        assertThat(client.ticket(localizador, CPF).passagens()).extracting(p -> p.localizador()).containsExactly(localizador);
    }

    @Test
    void when_a_peer_signs_as_c_but_presents_bs_certificate_then_403_and_nothing_is_held() throws Exception {
        long heldBefore = held("A");
        try (PeerHttpClient asB = peerClient(Optional.of(identityOf("B").clientFor("A")))) {
            PeerHttpClient.Answer forged = prepare(asB, "C");

            assertThat(forged.status()).as(text(forged)).isEqualTo(403);
            assertThat(Json.mapper().readTree(forged.body()).path("erro").asText()).contains("'B'").contains("'C'");
        }
        assertThat(held("A")).isEqualTo(heldBefore);

        // The same call with C's own certificate is accepted: the refusal above was the certificate's doing.
        try (PeerHttpClient asC = peerClient(Optional.of(identityOf("C").clientFor("A")))) {
            String txn = UUID.randomUUID().toString();
            PeerHttpClient.Answer real = prepare(asC, "C", txn);
            assertThat(real.status()).as(text(real)).isEqualTo(200);
            assertThat(held("A")).isEqualTo(heldBefore + 1);
            PeerHttpClient.Answer released = signedCall(asC, "C", FederationPaths.ABORT, "{\"id_transacao\":\"" + txn + "\"}");
            assertThat(released.status()).as(text(released)).isEqualTo(200);
        }
        assertThat(held("A")).isEqualTo(heldBefore);
    }

    @Test
    void when_a_peer_call_comes_without_a_client_certificate_then_401_and_nothing_is_held() throws Exception {
        long heldBefore = held("A");
        SslContextFactory.Client noCertificate = new SslContextFactory.Client();
        noCertificate.setTrustStore(PemKeyStores.trust(federation.ca.caFile()));
        try (PeerHttpClient anonymous = peerClient(Optional.of(noCertificate))) {
            PeerHttpClient.Answer answer = prepare(anonymous, "C");

            assertThat(answer.status()).as(text(answer)).isEqualTo(401);
            assertThat(Json.mapper().readTree(answer.body()).path("erro").asText()).contains("certificado de cliente");
        }
        assertThat(held("A")).isEqualTo(heldBefore);
    }

    @Test
    void when_a_client_does_not_trust_the_federation_ca_then_it_is_refused_with_a_message_in_portuguese_and_no_stack_trace() {
        PasscomClient stranger = new PasscomClient(List.of(endpoint("A")), TIMEOUTS, ServerTrust.system());

        assertThatThrownBy(() -> stranger.search("Cuiabá", "Campo Grande"))
                .isInstanceOfSatisfying(UntrustedServer.class, e -> {
                    assertThat(e.reason()).isEqualTo(UntrustedServer.Reason.UNKNOWN_AUTHORITY);
                    assertThat(e.serverMessage()).contains("não reconhece").contains("PASSCOM_CA").contains("Nada foi enviado");
                });

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PasscomCli.run(new String[] {"rotas", "--origem", "Cuiabá", "--destino", "Campo Grande", "--servidor", "A=" + federation.uri("A")},
                Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String said = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(said).isEqualTo(4);
        assertThat(said).contains("não reconhece").contains("PASSCOM_CA").doesNotContain("Exception").doesNotContain("\tat ");

        int trusting = PasscomCli.run(new String[] {"rotas", "--origem", "Cuiabá", "--destino", "Campo Grande", "--servidor", "A=" + federation.uri("A")},
                Map.of(ServerTrust.VARIABLE, federation.ca.caFile().toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(trusting).as("with PASSCOM_CA the same command answers").isZero();
    }

    @Test
    void when_a_client_is_given_http_for_an_https_server_then_it_is_told_to_use_https_and_nothing_is_served_in_clear() {
        URI https = federation.uri("A");
        ServerEndpoint plain = new ServerEndpoint("A", URI.create("http://" + https.getHost() + ":" + https.getPort()));
        PasscomClient client = new PasscomClient(List.of(plain), TIMEOUTS, ServerTrust.system());

        assertThatThrownBy(() -> client.search("Cuiabá", "Campo Grande"))
                .isInstanceOfSatisfying(RequestRejected.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.serverMessage()).contains("https://");
                });
    }

    @Test
    void when_an_airlines_certificate_is_replaced_on_disk_then_new_connections_get_it_without_a_restart() throws Exception {
        BigInteger before = servedCertificate("C").getSerialNumber();

        FederationCa.Issued renewed = federation.ca.issue("C", TlsFederation.HOSTS);
        BigInteger expected = PemKeyStores.certificates(renewed.certificate()).get(0).getSerialNumber();

        assertThat(expected).isNotEqualTo(before);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> servedCertificate("C").getSerialNumber().equals(expected));
        // Customers and peers go on: a search at C asks A and B over mutual TLS with the new certificate.
        PasscomClient atC = new PasscomClient(List.of(endpoint("C")), TIMEOUTS, ServerTrust.federationCa(federation.ca.caFile()));
        assertThat(atC.search("Cuiabá", "Porto Alegre").companhiasIndisponiveis()).isEmpty();
    }

    // ---- helpers ----

    private static PasscomClient trustingClient() {
        return new PasscomClient(List.of(endpoint("A"), endpoint("B"), endpoint("C")), TIMEOUTS, ServerTrust.federationCa(federation.ca.caFile()));
    }

    private static ServerEndpoint endpoint(String airline) {
        return new ServerEndpoint(airline, federation.uri(airline));
    }

    private static long held(String airline) throws Exception {
        return customer.health(endpoint(airline)).reservasAbertas();
    }

    private static FederationTls identityOf(String airline) {
        FederationCa.Issued issued = federation.certificates.get(airline);
        return new FederationTls(airline, issued.certificate(), issued.key(), federation.ca.caFile());
    }

    private static PeerHttpClient peerClient(Optional<SslContextFactory.Client> tls) {
        return new PeerHttpClient("test-peer-" + UUID.randomUUID(), Duration.ofSeconds(3), 4, tls);
    }

    private static PeerHttpClient.Answer prepare(PeerHttpClient client, String sender) throws Exception {
        return prepare(client, sender, UUID.randomUUID().toString());
    }

    /** A prepare of one seat on A's Cuiabá → Campo Grande, coordinated (and signed) by {@code sender}. */
    private static PeerHttpClient.Answer prepare(PeerHttpClient client, String sender, String txn) throws Exception {
        Segment leg = network.segmentsFlownBy("A").get(0);
        String body = "{\"id_transacao\":\"" + txn + "\",\"coordenador\":\"" + sender + "\",\"tipo\":\"PURCHASE\",\"cpf\":\""
                + CPF.replaceAll("\\D", "") + "\",\"localizador\":\"" + txn.substring(0, 6).toUpperCase()
                + "\",\"trechos\":[{\"origem\":\"" + leg.origin() + "\",\"destino\":\"" + leg.destination() + "\"}]}";
        return signedCall(client, sender, FederationPaths.PREPARE, body);
    }

    private static PeerHttpClient.Answer signedCall(PeerHttpClient client, String sender, String path, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = SIGNER.sign(sender, "POST", path, bytes);
        return client.send("POST", URI.create(federation.uri("A") + path), headers, bytes, Duration.ofSeconds(10)).get();
    }

    private static String text(PeerHttpClient.Answer answer) {
        return answer.status() + " " + new String(answer.body(), StandardCharsets.UTF_8);
    }

    /** The certificate the airline serves on a new connection now. */
    private static X509Certificate servedCertificate(String airline) throws Exception {
        URI uri = federation.uri(airline);
        try (SSLSocket socket = (SSLSocket) ServerTrust.federationCa(federation.ca.caFile()).getSocketFactory()
                .createSocket(uri.getHost(), uri.getPort())) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    /** Three legs in a row, flown by A, then B, then C, as a purchase's {@code caminho}. */
    private static List<List<String>> threeAirlineItinerary() {
        for (Segment a : network.segmentsFlownBy("A")) {
            for (Segment b : network.segmentsFlownBy("B")) {
                if (!b.origin().equals(a.destination()) || b.destination().equals(a.origin())) {
                    continue;
                }
                for (Segment c : network.segmentsFlownBy("C")) {
                    if (c.origin().equals(b.destination()) && !c.destination().equals(a.origin()) && !c.destination().equals(a.destination())) {
                        return List.of(List.of("A", "B", "C"), List.of(a.origin(), a.destination(), b.destination(), c.destination()));
                    }
                }
            }
        }
        throw new AssertionError("the default network has no A-B-C itinerary");
    }
}
