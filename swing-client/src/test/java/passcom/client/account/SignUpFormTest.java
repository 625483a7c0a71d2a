package passcom.client.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import passcom.client.i18n.Messages;

/** What "Criar conta" says about the fields as they are typed, and when it may be pressed. */
class SignUpFormTest {

    private static final String CPF = "529.982.247-25";
    private static final char[] SENHA = "cavalo-correto-bateria".toCharArray();

    @Test
    void when_every_field_is_right_then_it_may_be_sent_and_the_password_rules_are_shown() {
        SignUpForm form = SignUpForm.check(CPF, "Ana Souza", "ana@example.com.br", SENHA, SENHA.clone());

        assertThat(form.complete()).isTrue();
        assertThat(form.error()).isFalse();
        assertThat(form.text()).isEqualTo(Messages.get("account.rules"));
    }

    @Test
    void when_a_field_is_still_empty_then_it_is_named_without_the_error_colour() {
        assertThat(SignUpForm.check("___.___.___-__", "", "", new char[0], new char[0]))
                .isEqualTo(new SignUpForm(Messages.get("account.problem.cpf"), false, false));
        assertThat(SignUpForm.check(CPF, " ", "", new char[0], new char[0]))
                .isEqualTo(new SignUpForm(Messages.get("account.problem.name"), false, false));
        assertThat(SignUpForm.check(CPF, "Ana", "", new char[0], new char[0]))
                .isEqualTo(new SignUpForm(Messages.get("account.problem.email"), false, false));
    }

    @Test
    void when_a_typed_field_is_wrong_then_it_is_an_error_and_nothing_can_be_sent() {
        assertThat(SignUpForm.check("529.982.247-24", "Ana", "ana@example.com", SENHA, SENHA.clone()).error()).isTrue();
        for (String email : new String[] {"ana", "ana@", "@example.com", "ana@example", "ana@@example.com", "ana @example.com", "ana@example."}) {
            SignUpForm form = SignUpForm.check(CPF, "Ana", email, SENHA, SENHA.clone());
            assertThat(form.complete()).as(email).isFalse();
            assertThat(form.error()).as(email).isTrue();
        }
    }

    @Test
    void when_the_two_passwords_differ_then_it_says_so_once_the_second_is_typed() {
        assertThat(SignUpForm.check(CPF, "Ana", "ana@example.com", SENHA, new char[0]))
                .isEqualTo(new SignUpForm(Messages.get("account.problem.passwordMismatch"), false, false));
        assertThat(SignUpForm.check(CPF, "Ana", "ana@example.com", SENHA, "cavalo-correto-bateriA".toCharArray()))
                .isEqualTo(new SignUpForm(Messages.get("account.problem.passwordMismatch"), true, false));
    }
}
