package passcom.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void a_hash_matches_its_password_and_no_other() {
        String stored = hasher.hash("senha-forte-123");

        assertThat(stored).startsWith("$argon2id$v=19$m=" + PasswordHasher.MEMORY_KIB + ",t=" + PasswordHasher.ITERATIONS + ",p=1$");
        assertThat(hasher.matches("senha-forte-123", stored)).isTrue();
        assertThat(hasher.matches("senha-forte-124", stored)).isFalse();
    }

    @Test
    void the_check_for_a_login_without_an_account_runs_on_a_well_formed_hash_for_any_password() {
        // dummyCheck parses its stand-in hash as a stored one: a malformed stand-in would throw here, and every
        // login of an unknown CPF would fail with an error instead of a refusal.
        assertThatCode(() -> hasher.dummyCheck("qualquer-senha")).doesNotThrowAnyException();
        assertThatCode(() -> hasher.dummyCheck(null)).doesNotThrowAnyException();
    }
}
