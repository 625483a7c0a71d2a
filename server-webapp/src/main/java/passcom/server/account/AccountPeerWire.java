package passcom.server.account;

import java.time.Instant;
import passcom.server.peer.FederationPaths;

/**
 * The accounts messages between airlines (signed like every peer call; their own records, not the customer
 * DTOs, so each wire can change alone). Outcomes travel as a code ({@code resultado}), so the asking airline
 * switches on a name.
 */
final class AccountPeerWire {

    static final String CLAIM = FederationPaths.ACCOUNT_CLAIM;
    static final String LOGIN = FederationPaths.ACCOUNT_LOGIN;
    static final String DATA = FederationPaths.ACCOUNT_DATA;
    static final String DELETE = FederationPaths.ACCOUNT_DELETE;
    static final String RENEW = FederationPaths.ACCOUNT_RENEW;
    static final String LOGOUT = FederationPaths.ACCOUNT_LOGOUT;

    /** What a password check, a deletion, a renewal or an account query came to at the asked airline. */
    enum Result {
        /** The CPF has no account here (or the refresh token was not issued here). */
        SEM_CONTA,
        /** The account is here and the password or refresh token was refused. */
        RECUSADO,
        /** Done: the answer's other fields are set. */
        ACEITO
    }

    private AccountPeerWire() {
    }

    /** Records {@code companhia}'s claim on the CPF for a cadastro (answered with a ClaimAnswer name). */
    record Claim(String cpf, String companhia) {
    }

    record ClaimReply(String resposta) {
    }

    /** A password check by the home: a login at another airline, or a deletion there. */
    record Password(String cpf, String senha) {
        @Override
        public String toString() {
            return "Password[omitted]";
        }
    }

    record Query(String cpf) {
    }

    record Refresh(String renovacao) {
        @Override
        public String toString() {
            return "Refresh[omitted]";
        }
    }

    /** A session signed by the home (login, renewal), or just a result code. */
    record SessionReply(Result resultado, String token, Instant expiraEm, String renovacao) {
        @Override
        public String toString() {
            return "SessionReply[" + resultado + "]";
        }
    }

    record AccountReply(Result resultado, String nome, String email, Instant criadaEm) {
        @Override
        public String toString() {
            return "AccountReply[" + resultado + "]";
        }
    }

    record ResultReply(Result resultado) {
    }
}
