package passcom.core.account;

import passcom.api.Erro;

/**
 * A login, password check or refresh that failed, for whatever reason (no such account, wrong password,
 * locked account, unknown or revoked refresh token): one message for all, so the answer never tells
 * which (401).
 */
public final class LoginRefused extends RuntimeException {
    public LoginRefused() {
        super(Erro.CPF_OU_SENHA_INVALIDOS, null, false, false);
    }
}
