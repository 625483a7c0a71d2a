package passcom.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passcom.api.Conta;
import passcom.api.Passagem;
import passcom.api.PedidoCadastro;
import passcom.api.PedidoCompra;
import passcom.api.Sessao;
import passcom.client.api.AccountExists;
import passcom.client.api.AccountSession;
import passcom.client.api.NotAuthenticated;
import passcom.client.api.PasscomClient;
import passcom.client.api.RequestRejected;
import passcom.client.api.ServerEndpoint;
import passcom.client.api.SessionEnded;
import passcom.core.route.NetworkLoader;
import passcom.it.Cluster;

/**
 * client-api's account calls and {@link AccountSession} against three real servers in this JVM over HTTP
 * (issue 16, section 6): what the desktop client and the CLI rely on. Each client talks to one airline, so
 * the test says which airline answered: the account's home, another one, a third.
 */
class AccountClientIT {

    private static final String CPF = "52998224725";
    private static final String OTHER_CPF = "11144477735";
    private static final String PASSWORD = "cavalo-correto-bateria-grampo";
    private static final List<List<String>> SAO_PAULO_CURITIBA = List.of(List.of("A"), List.of("São Paulo", "Curitiba"));

    @TempDir
    Path dir;
    private Cluster federation;

    @BeforeEach
    void start() {
        federation = Cluster.startWithAccounts(NetworkLoader.loadDefault(), dir, "A", "B", "C");
    }

    @AfterEach
    void stop() {
        federation.close();
    }

    private PasscomClient at(String airline) {
        return new PasscomClient(List.of(new ServerEndpoint(airline, federation.uri(airline))));
    }

    private void signUpAtA() throws Exception {
        Conta conta = at("A").accounts().register(new PedidoCadastro(CPF, "Ana Souza", "ana@example.com", PASSWORD));
        assertThat(conta.companhia()).isEqualTo("A");
    }

    @Test
    void when_signed_up_at_a_and_logged_in_at_b_then_a_purchase_at_c_with_the_token_is_the_accounts_until_cancelled() throws Exception {
        signUpAtA();
        AccountSession session = AccountSession.login(at("B").accounts(), CPF, PASSWORD, Clock.systemUTC());
        PasscomClient c = at("C");

        // bought for another passenger: the account is the buyer
        Passagem bought = session.call(token -> c.buy(new PedidoCompra(OTHER_CPF, SAO_PAULO_CURITIBA, UUID.randomUUID().toString()), token))
                .passagem();

        assertThat(session.call(c::myTickets).passagens()).extracting(Passagem::localizador).containsExactly(bought.localizador());
        assertThat(c.ticket(bought.localizador(), OTHER_CPF).passagens()).hasSize(1);
        assertThat(session.call(at("A").accounts()::account).passagens()).extracting(Passagem::localizador).contains(bought.localizador());

        session.call(token -> c.cancelAsHolder(token, bought.localizador()));
        federation.awaitQuiet();
        assertThat(session.call(c::myTickets).passagens()).isEmpty();
    }

    @Test
    void when_the_clock_reaches_the_renewal_point_then_a_real_server_renews_and_the_old_refresh_token_is_spent() throws Exception {
        signUpAtA();
        MovedClock clock = new MovedClock();
        AccountSession session = AccountSession.login(at("B").accounts(), CPF, PASSWORD, clock);
        Sessao first = session.current();
        assertThat(Duration.between(Instant.now(), first.expiraEm())).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));

        clock.jump(session.untilRenewal().plusSeconds(1));
        String renewed = session.token();

        assertThat(renewed).isNotEqualTo(first.token());
        assertThat(session.current().renovacao()).isNotEqualTo(first.renovacao());
        assertThat(at("C").myTickets(renewed).passagens()).isEmpty();
        assertThatThrownBy(() -> at("A").accounts().renew(first.renovacao())).isInstanceOf(NotAuthenticated.class);
    }

    @Test
    void when_logged_out_then_the_refresh_token_is_refused_and_a_copy_of_the_session_ends() throws Exception {
        signUpAtA();
        MovedClock clock = new MovedClock();
        AccountSession session = AccountSession.login(at("C").accounts(), CPF, PASSWORD, clock);
        AccountSession copy = AccountSession.resume(at("B").accounts(), CPF, session.current(), clock);

        session.logout();
        clock.jump(Duration.ofMinutes(16));

        assertThatThrownBy(copy::token).isInstanceOf(SessionEnded.class);
        assertThat(copy.ended()).isTrue();
    }

    @Test
    void when_the_password_is_wrong_the_cpf_taken_or_only_a_cpf_given_then_each_is_refused_as_the_contract_says() throws Exception {
        signUpAtA();

        NotAuthenticated wrong = catchThrowableOfType(NotAuthenticated.class,
                () -> at("B").accounts().login(CPF, "senha-errada-123"));
        AccountExists twice = catchThrowableOfType(AccountExists.class,
                () -> at("C").accounts().register(new PedidoCadastro(CPF, "Outra", "outra@example.com", PASSWORD)));
        at("A").buy(new PedidoCompra(CPF, SAO_PAULO_CURITIBA, UUID.randomUUID().toString()));

        assertThat(wrong.serverMessage()).isEqualTo("CPF ou senha inválidos");
        // 409 either way; right after the first cadastro the other airlines may still call it "em andamento"
        assertThat(twice.serverMessage()).isNotBlank();
        assertThatThrownBy(() -> at("B").tickets(CPF)).isInstanceOf(NotAuthenticated.class);
        assertThat(catchThrowableOfType(RequestRejected.class, () -> at("B").ticket("ZZZ999", CPF)).status()).isEqualTo(404);
    }

    /** The system clock moved forward by the test, so the session finds its token due without anyone sleeping. */
    private static final class MovedClock extends Clock {
        private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

        void jump(Duration by) {
            ahead.updateAndGet(d -> d.plus(by));
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
