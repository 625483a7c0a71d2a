package passcom.client.api;

import passcom.api.Codigo;

/** 409 on {@code /cadastro}: the CPF already has an account somewhere in the federation. Nothing was created. */
public final class AccountExists extends PasscomException {

    public AccountExists(String serverMessage) {
        super("account exists: " + serverMessage, serverMessage, Codigo.CONTA_EXISTENTE, null);
    }
}
