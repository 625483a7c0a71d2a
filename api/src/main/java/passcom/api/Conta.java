package passcom.api;

import java.time.Instant;

/**
 * An account as {@code POST /cadastro} answers it (201): its CPF, name, e-mail, home airline
 * ({@code companhia}: the airline that stores it and checks its password) and when it was created.
 */
public record Conta(String cpf, String nome, String email, String companhia, Instant criadaEm) {
}
