package passcom.client.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import passcom.api.Sessao;
import passcom.client.api.AccountSession;
import passcom.client.api.PasscomClient;
import passcom.client.fake.FakeAirlineServer;

/**
 * The window keeps a session's token fresh with no click from the customer: the timer renews it before it
 * expires, and a refused refresh token ends the session. The tokens here live 4 s, so the timer's first
 * turn is 2 s away (halfway); Awaitility waits for it with a bound.
 */
class TokenRenewalTest {

    private static final String CPF = "52998224725";

    private FakeAirlineServer airline;
    private AccountSession session;

    @BeforeEach
    void start() throws Exception {
        airline = FakeAirlineServer.start("A");
        Instant soon = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
        session = AccountSession.resume(new PasscomClient(List.of(airline.endpoint())).accounts(), CPF,
                new Sessao("token-1", soon, "renovacao-1"), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        airline.close();
    }

    @Test
    void when_the_renewal_point_comes_then_the_token_is_renewed_without_any_call_and_the_timer_set_again() throws Exception {
        Instant later = Instant.now().plus(Duration.ofMinutes(15)).truncatedTo(ChronoUnit.SECONDS);
        airline.respond("/login/renovar", 200, "{\"token\":\"token-2\",\"expira_em\":\"" + later + "\",\"renovacao\":\"renovacao-2\"}");

        SwingUtilities.invokeAndWait(() -> new TokenRenewal(session).start());

        await().atMost(Duration.ofSeconds(30)).until(() -> "renovacao-2".equals(session.current().renovacao()));
        assertThat(airline.requests()).filteredOn(r -> r.startsWith("POST /login/renovar"))
                .singleElement().asString().contains("\"renovacao\":\"renovacao-1\"");
        assertThat(session.untilRenewal()).isGreaterThan(Duration.ofMinutes(13));
    }

    @Test
    void when_the_refresh_token_is_refused_then_the_session_ends_by_itself() throws Exception {
        airline.respond("/login/renovar", 401, "{\"erro\":\"sessão expirada\"}");

        SwingUtilities.invokeAndWait(() -> new TokenRenewal(session).start());

        await().atMost(Duration.ofSeconds(30)).until(session::ended);
    }
}
