package passcom.api;

import java.time.Instant;

/**
 * Answer of {@code POST /login} and {@code POST /login/renovar}: the access token (a JWT for the
 * {@code Authorization: Bearer} header), when it expires, and the opaque refresh token that
 * {@code /login/renovar} trades for a new pair shortly before {@code expiraEm}.
 */
public record Sessao(String token, Instant expiraEm, String renovacao) {

    @Override
    public String toString() {
        return "Sessao[expiraEm=" + expiraEm + ", tokens omitted]";
    }
}
