package passcom.client.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import passcom.client.purchase.PurchaseDialog.CpfHint;

class CpfHintTest {

    @Test
    void when_the_cpf_is_half_typed_then_the_hint_asks_for_the_digits_without_calling_it_an_error() {
        CpfHint hint = CpfHint.of("529.982.___-__");

        assertThat(hint.text()).isEqualTo("Digite os 11 dígitos do CPF.");
        assertThat(hint.error()).isFalse();
    }

    @Test
    void when_the_check_digits_are_wrong_then_the_hint_says_so_as_an_error() {
        CpfHint hint = CpfHint.of("529.982.247-26");

        assertThat(hint.text()).isEqualTo("CPF inválido: os dígitos verificadores não conferem.");
        assertThat(hint.error()).isTrue();
    }

    @Test
    void when_the_cpf_is_valid_then_the_hint_says_who_the_ticket_is_for() {
        CpfHint hint = CpfHint.of("529.982.247-25");

        assertThat(hint.text()).isEqualTo("A passagem fica registrada neste CPF.");
        assertThat(hint.error()).isFalse();
    }
}
