package passcom.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;
import passcom.core.InvalidRequest;
import passcom.core.cpf.Cpf;
import passcom.core.store.Store;
import passcom.core.txn.AirlineUnreachable;

/**
 * The accounts' behaviour on one store engine: each engine's subclass says which ({@link AccountsOnSqliteTest},
 * {@link AccountsOnPostgresTest}), the same assertions for both (Guava's AbstractGraphTest idea).
 */
abstract class AccountsContractTest {

    private static final Cpf ANA = Cpf.parse("529.982.247-25");
    private static final String PASSWORD = "cavalo-bateria-grampo";
    private static final AccountPeers NOBODY_ELSE = (cpf, claimant) -> ClaimAnswer.FREE;

    private Store store;
    private final MutableClock clock = MutableClock.of(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);
    private Accounts accounts;

    @BeforeEach
    void open() {
        store = Store.open(newStoreUrl(), Duration.ofSeconds(5));
        accounts = new Accounts("A", store, new PasswordHasher(), clock);
    }

    /** A JDBC URL of a new, empty store. */
    abstract String newStoreUrl();

    @AfterEach
    void close() {
        if (store != null) { // null when the engine is not here (the PostgreSQL run's assumption skipped the test)
            store.close();
        }
    }

    @Test
    void when_an_account_is_created_then_its_password_logs_in_and_another_does_not() {
        accounts.register(ANA, "Ana Souza", "ana@example.com", PASSWORD, NOBODY_ELSE);

        assertThat(accounts.checkPassword(ANA, PASSWORD)).get().extracting(Account::name).isEqualTo("Ana Souza");
        assertThatThrownBy(() -> accounts.checkPassword(ANA, "outra-senha-qualquer")).isInstanceOf(LoginRefused.class)
                .hasMessage("CPF ou senha inválidos");
        assertThat(accounts.checkPassword(Cpf.parse("111.444.777-35"), PASSWORD)).isEmpty();
    }

    @Test
    void when_the_cpf_has_an_account_here_or_at_a_peer_then_a_second_cadastro_is_refused() {
        accounts.register(ANA, "Ana", "ana@example.com", PASSWORD, NOBODY_ELSE);

        assertThatThrownBy(() -> accounts.register(ANA, "Ana", "ana@example.com", PASSWORD, NOBODY_ELSE)).isInstanceOf(AccountExists.class);
        Cpf bia = Cpf.parse("111.444.777-35");
        assertThatThrownBy(() -> accounts.register(bia, "Bia", "bia@example.com", PASSWORD, (cpf, claimant) -> ClaimAnswer.TAKEN))
                .isInstanceOf(AccountExists.class).hasMessage("Já existe uma conta para este CPF.");
        assertThat(accounts.find(bia)).isEmpty();
    }

    @Test
    void when_a_peer_does_not_answer_then_nothing_is_created_and_the_claim_is_released() {
        assertThatThrownBy(() -> accounts.register(ANA, "Ana", "ana@example.com", PASSWORD, (cpf, claimant) -> {
            throw new AirlineUnreachable("B", "conexão recusada");
        })).isInstanceOf(AirlineUnreachable.class);

        assertThat(accounts.find(ANA)).isEmpty();
        assertThat(accounts.claimFor(ANA, "B")).isEqualTo(ClaimAnswer.FREE);
    }

    @Test
    void when_a_peer_claimed_the_cpf_then_a_cadastro_here_is_contended_until_the_claim_expires() {
        assertThat(accounts.claimFor(ANA, "B")).isEqualTo(ClaimAnswer.FREE);

        assertThatThrownBy(() -> accounts.register(ANA, "Ana", "ana@example.com", PASSWORD, NOBODY_ELSE)).isInstanceOf(AccountExists.class)
                .hasMessageContaining("em andamento");
        assertThat(accounts.claimFor(ANA, "C")).isEqualTo(ClaimAnswer.CONTENDED);

        clock.add(Accounts.CLAIM_TTL.plusSeconds(1));
        accounts.register(ANA, "Ana", "ana@example.com", PASSWORD, NOBODY_ELSE);
        assertThat(accounts.claimFor(ANA, "C")).isEqualTo(ClaimAnswer.TAKEN);
    }

    @Test
    void when_a_peer_that_claimed_the_cpf_has_created_the_account_then_the_cadastro_here_hears_it_exists() {
        assertThat(accounts.claimFor(ANA, "B")).isEqualTo(ClaimAnswer.FREE);

        assertThatThrownBy(() -> accounts.register(ANA, "Ana", "ana@example.com", PASSWORD, (cpf, claimant) -> ClaimAnswer.TAKEN))
                .isInstanceOf(AccountExists.class).hasMessage("Já existe uma conta para este CPF.");
        assertThat(accounts.claimFor(ANA, "C")).as("B's claim still stands").isEqualTo(ClaimAnswer.CONTENDED);
    }

    @Test
    void when_the_password_is_short_or_common_or_the_email_bad_then_the_cadastro_says_which() {
        assertThatThrownBy(() -> accounts.register(ANA, "Ana", "ana@example.com", "curta", NOBODY_ELSE))
                .isInstanceOf(WeakPassword.class).hasMessageContaining("10 caracteres");
        assertThatThrownBy(() -> accounts.register(ANA, "Ana", "ana@example.com", "1234567890", NOBODY_ELSE))
                .isInstanceOf(WeakPassword.class).hasMessageContaining("mais usadas");
        assertThatThrownBy(() -> accounts.register(ANA, "Ana", "ana.example.com", PASSWORD, NOBODY_ELSE))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("e-mail");
        assertThatThrownBy(() -> accounts.register(ANA, " ", "ana@example.com", PASSWORD, NOBODY_ELSE))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("nome");
        assertThat(accounts.find(ANA)).isEmpty();
    }

    @Test
    void when_ten_wrong_passwords_come_in_a_row_then_even_the_right_one_is_refused_for_fifteen_minutes() {
        accounts.register(ANA, "Ana", "ana@example.com", PASSWORD, NOBODY_ELSE);
        for (int i = 0; i < Accounts.MAX_FAILURES; i++) {
            assertThatThrownBy(() -> accounts.checkPassword(ANA, "senha-errada-demais")).isInstanceOf(LoginRefused.class);
        }
        assertThat(accounts.lockedAccounts()).isEqualTo(1);
        assertThatThrownBy(() -> accounts.checkPassword(ANA, PASSWORD)).isInstanceOf(LoginRefused.class);

        clock.add(Accounts.LOCKOUT.plusSeconds(1));
        assertThat(accounts.checkPassword(ANA, PASSWORD)).isPresent();
        assertThat(accounts.lockedAccounts()).isZero();
    }

    @Test
    void when_a_right_password_comes_between_wrong_ones_then_the_count_starts_again() {
        accounts.register(ANA, "Ana", "ana@example.com", PASSWORD, NOBODY_ELSE);
        for (int i = 0; i < Accounts.MAX_FAILURES - 1; i++) {
            assertThatThrownBy(() -> accounts.checkPassword(ANA, "senha-errada-demais")).isInstanceOf(LoginRefused.class);
        }
        accounts.checkPassword(ANA, PASSWORD);
        assertThatThrownBy(() -> accounts.checkPassword(ANA, "senha-errada-demais")).isInstanceOf(LoginRefused.class);

        assertThat(accounts.checkPassword(ANA, PASSWORD)).isPresent();
    }

    @Test
    void when_a_refresh_token_is_traded_in_then_it_works_once_and_logout_revokes() {
        accounts.register(ANA, "Ana", "ana@example.com", PASSWORD, NOBODY_ELSE);
        String first = accounts.issueRefresh(ANA);

        assertThat(Accounts.homeOf(first)).contains("A");
        assertThat(accounts.redeemRefresh(first)).isEqualTo(ANA);
        assertThatThrownBy(() -> accounts.redeemRefresh(first)).isInstanceOf(LoginRefused.class);

        String second = accounts.issueRefresh(ANA);
        accounts.revokeRefresh(second);
        accounts.revokeRefresh(second);
        assertThatThrownBy(() -> accounts.redeemRefresh(second)).isInstanceOf(LoginRefused.class);
    }

    @Test
    void when_an_account_is_deleted_with_its_password_then_it_is_gone_and_its_refresh_tokens_too() {
        accounts.register(ANA, "Ana", "ana@example.com", PASSWORD, NOBODY_ELSE);
        String refresh = accounts.issueRefresh(ANA);

        assertThatThrownBy(() -> accounts.delete(ANA, "senha-errada-demais")).isInstanceOf(LoginRefused.class);
        accounts.delete(ANA, PASSWORD);

        assertThat(accounts.find(ANA)).isEmpty();
        assertThatThrownBy(() -> accounts.redeemRefresh(refresh)).isInstanceOf(LoginRefused.class);
    }

    @Test
    void when_a_password_is_hashed_then_the_store_keeps_argon2id_with_its_parameters_never_the_password() {
        PasswordHasher hasher = new PasswordHasher();
        String hash = hasher.hash(PASSWORD);

        assertThat(hash).startsWith("$argon2id$v=19$m=12288,t=3,p=1$").doesNotContain(PASSWORD);
        assertThat(hasher.matches(PASSWORD, hash)).isTrue();
        assertThat(hasher.matches(PASSWORD + "x", hash)).isFalse();
        assertThat(hasher.hash(PASSWORD)).isNotEqualTo(hash);
    }

    @Test
    void when_the_common_list_is_loaded_then_it_holds_about_ten_thousand_passwords() {
        assertThat(PasswordRules.listed()).isBetween(9_900, 10_000);
    }
}
