package passcom.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import passcom.client.api.AccountExists;
import passcom.client.api.NotAuthenticated;
import passcom.client.api.RateLimited;
import passcom.client.api.SessionEnded;
import passcom.client.i18n.Messages;

/** The account failures in words a customer acts on, in Portuguese unless English was chosen. */
class ErrorTextTest {

    @AfterEach
    void backToPortuguese() {
        Messages.use(Messages.PORTUGUESE);
    }

    @Test
    void when_login_is_refused_then_the_servers_uniform_words_are_shown() {
        assertThat(ErrorText.of(new NotAuthenticated("CPF ou senha inválidos"))).isEqualTo("CPF ou senha inválidos");
    }

    @Test
    void when_the_session_ended_then_the_customer_is_asked_to_sign_in_again() {
        assertThat(ErrorText.of(new SessionEnded("refresh token expirado"))).isEqualTo("Sua sessão terminou. Entre de novo.");
        assertThat(ErrorText.of(new NotAuthenticated(null))).isEqualTo("Sua sessão terminou. Entre de novo.");
    }

    @Test
    void when_rate_limited_then_the_wait_is_said_in_whole_seconds_or_minutes_rounded_up() {
        assertThat(ErrorText.of(new RateLimited("x", Duration.ofSeconds(42)))).isEqualTo("Muitas tentativas seguidas. Tente de novo em 42 segundos.");
        assertThat(ErrorText.of(new RateLimited("x", Duration.ofSeconds(1)))).endsWith("em 1 segundo.");
        assertThat(ErrorText.of(new RateLimited("x", Duration.ofSeconds(61)))).endsWith("em 2 minutos.");
        assertThat(ErrorText.of(new RateLimited("x", Duration.ofMinutes(15)))).endsWith("em 15 minutos.");
        assertThat(ErrorText.of(new RateLimited("x", null))).isEqualTo("Muitas tentativas seguidas. Espere um pouco e tente de novo.");

        Messages.use(java.util.Locale.ENGLISH);
        assertThat(ErrorText.of(new RateLimited("x", Duration.ofSeconds(60)))).isEqualTo("Too many attempts in a row. Try again in 1 minute.");
    }

    @Test
    void when_the_cpf_already_has_an_account_then_the_servers_words_are_shown_or_ours_when_it_gave_none() {
        assertThat(ErrorText.of(new AccountExists("Já existe uma conta para este CPF."))).isEqualTo("Já existe uma conta para este CPF.");
        assertThat(ErrorText.of(new AccountExists(null))).isEqualTo(Messages.get("account.exists"));
    }
}
