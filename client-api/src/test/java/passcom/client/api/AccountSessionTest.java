package passcom.client.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;
import passcom.api.Sessao;

/** A logged-in session renews its token before it expires, by a clock the test moves: no sleeping. */
class AccountSessionTest {

    private static final String CPF = "52998224725";
    private static final Instant LOGIN = Instant.parse("2026-12-06T18:00:00Z");

    private final MutableClock clock = MutableClock.of(LOGIN, ZoneOffset.UTC);
    private RecordingServer server;
    private Accounts accounts;

    @BeforeEach
    void start() throws Exception {
        server = new RecordingServer();
        accounts = new PasscomClient(List.of(server.endpoint("A"))).accounts();
        server.answer("POST /login", 200, sessao("jwt-1", LOGIN.plus(Duration.ofMinutes(15)), "r-1"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String sessao(String token, Instant expires, String renovacao) {
        return "{\"token\":\"" + token + "\",\"expira_em\":\"" + expires + "\",\"renovacao\":\"" + renovacao + "\"}";
    }

    @Test
    void when_the_token_is_fresh_then_it_is_used_as_is_and_renewal_is_due_a_minute_before_expiry() throws Exception {
        AccountSession session = AccountSession.login(accounts, CPF, "uma senha longa", clock);

        assertThat(session.token()).isEqualTo("jwt-1");
        assertThat(session.untilRenewal()).isEqualTo(Duration.ofMinutes(14));
        assertThat(server.requests("POST /login/renovar")).isEmpty();
    }

    @Test
    void when_expiry_is_near_then_the_refresh_token_is_traded_once_and_listeners_hear_the_new_pair() throws Exception {
        server.answer("POST /login/renovar", 200, sessao("jwt-2", LOGIN.plus(Duration.ofMinutes(29)), "r-2"));
        AccountSession session = AccountSession.login(accounts, CPF, "uma senha longa", clock);
        List<Sessao> heard = new ArrayList<>();
        session.addRenewalListener(heard::add);

        clock.add(Duration.ofMinutes(14).plusSeconds(1));
        String token = session.token();
        String again = session.token();

        assertThat(token).isEqualTo("jwt-2");
        assertThat(again).isEqualTo("jwt-2");
        assertThat(server.requests("POST /login/renovar")).hasSize(1);
        assertThat(server.requests("POST /login/renovar").get(0).body()).contains("\"renovacao\":\"r-1\"");
        assertThat(heard).extracting(Sessao::renovacao).containsExactly("r-2");
        assertThat(session.current().renovacao()).isEqualTo("r-2");
    }

    @Test
    void when_the_server_hands_out_short_tokens_then_renewal_is_due_halfway_through_their_life() {
        AccountSession session = AccountSession.resume(accounts, CPF, new Sessao("jwt-s", LOGIN.plusSeconds(40), "r-s"), clock);

        assertThat(session.untilRenewal()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void when_the_refresh_token_is_refused_then_the_session_ends_and_stays_ended() throws Exception {
        server.answer("POST /login/renovar", 401, "{\"erro\":\"sessão expirada\"}");
        AccountSession session = AccountSession.login(accounts, CPF, "uma senha longa", clock);
        AtomicInteger ends = new AtomicInteger();
        session.addEndListener(ends::incrementAndGet);

        clock.add(Duration.ofMinutes(15));

        assertThatThrownBy(session::token).isInstanceOf(SessionEnded.class);
        assertThatThrownBy(session::token).isInstanceOf(SessionEnded.class);
        assertThat(session.ended()).isTrue();
        assertThat(ends).hasValue(1);
        assertThat(server.requests("POST /login/renovar")).hasSize(1);
    }

    @Test
    void when_no_server_can_renew_then_the_current_token_serves_until_it_expires() throws Exception {
        server.answer("POST /login/renovar", 503, "{\"erro\":\"companhia A indisponível\"}");
        AccountSession session = AccountSession.login(accounts, CPF, "uma senha longa", clock);

        clock.add(Duration.ofMinutes(14).plusSeconds(30));
        assertThat(session.token()).isEqualTo("jwt-1");

        clock.add(Duration.ofSeconds(30));
        assertThatThrownBy(session::token).isInstanceOf(AirlineUnreachable.class);
        assertThat(session.ended()).isFalse();
    }

    @Test
    void when_the_server_refuses_a_token_we_think_good_then_it_is_renewed_once_and_the_call_repeated() throws Exception {
        server.answer("POST /login/renovar", 200, sessao("jwt-2", LOGIN.plus(Duration.ofMinutes(15)), "r-2"))
                .answer("GET /passagens_cliente", 401, "{\"erro\":\"token expirado\"}")
                .answer("GET /passagens_cliente", 200, "{\"passagens\":[],\"companhias_indisponiveis\":[]}");
        PasscomClient client = new PasscomClient(List.of(server.endpoint("A")));
        AccountSession session = AccountSession.login(client.accounts(), CPF, "uma senha longa", clock);

        assertThat(session.call(client::myTickets).passagens()).isEmpty();

        assertThat(server.requests("GET /passagens_cliente")).extracting(RecordingServer.Request::authorization)
                .containsExactly("Bearer jwt-1", "Bearer jwt-2");
    }

    @Test
    void when_logging_out_then_the_refresh_token_is_revoked_and_the_session_ends_even_if_no_server_answers() throws Exception {
        server.answer("POST /logout", 503, "{\"erro\":\"companhia A indisponível\"}");
        AccountSession session = AccountSession.login(accounts, CPF, "uma senha longa", clock);

        assertThatThrownBy(session::logout).isInstanceOf(AirlineUnreachable.class);

        assertThat(session.ended()).isTrue();
        assertThat(server.requests("POST /logout").get(0).body()).contains("\"renovacao\":\"r-1\"");
        assertThatThrownBy(session::token).isInstanceOf(SessionEnded.class);
    }
}
