package passcom.client.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import passcom.client.purchase.PurchaseDialog.PassengersHint;

class PassengersHintTest {

    @Test
    void when_a_cpf_is_half_typed_then_the_hint_asks_for_that_passengers_digits_without_calling_it_an_error() {
        PassengersHint hint = PassengersHint.of(List.of("529.982.247-25", "111.444.___-__"));

        assertThat(hint.text()).isEqualTo("Passageiro 2: Digite os 11 dígitos do CPF.");
        assertThat(hint.error()).isFalse();
        assertThat(hint.complete()).isFalse();
    }

    @Test
    void when_the_check_digits_are_wrong_then_the_hint_names_the_passenger_as_an_error() {
        PassengersHint hint = PassengersHint.of(List.of("529.982.247-26"));

        assertThat(hint.text()).isEqualTo("Passageiro 1: CPF inválido: os dígitos verificadores não conferem.");
        assertThat(hint.error()).isTrue();
        assertThat(hint.complete()).isFalse();
    }

    @Test
    void when_two_passengers_have_the_same_cpf_then_the_second_is_named() {
        PassengersHint hint = PassengersHint.of(List.of("529.982.247-25", "111.444.777-35", "52998224725"));

        assertThat(hint.text()).isEqualTo("Passageiro 3: este CPF já está em outro passageiro.");
        assertThat(hint.error()).isTrue();
    }

    @Test
    void when_every_cpf_is_valid_then_the_hint_says_who_the_tickets_are_for_and_the_purchase_can_be_confirmed() {
        PassengersHint hint = PassengersHint.of(List.of("529.982.247-25", "111.444.777-35"));

        assertThat(hint.text()).isEqualTo("A passagem fica registrada no CPF de cada passageiro.");
        assertThat(hint.error()).isFalse();
        assertThat(hint.complete()).isTrue();
    }
}
