package passcom.core.account;

import passcom.api.Erro;

/** A cadastro for a CPF that already has an account somewhere in the federation (409). Nothing was created. */
public final class AccountExists extends RuntimeException {
    public AccountExists() {
        super(Erro.CONTA_JA_EXISTE);
    }

    /** Another airline is creating an account for the same CPF right now; a retry in a minute gets the definite answer. */
    public static AccountExists concurrent() {
        return new AccountExists("Outro cadastro deste CPF está em andamento; tente de novo em um minuto.");
    }

    private AccountExists(String message) {
        super(message);
    }
}
