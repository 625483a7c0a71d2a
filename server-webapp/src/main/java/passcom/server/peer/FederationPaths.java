package passcom.server.peer;

import java.util.List;

/** The server-to-server endpoints: the original PASSCOM names where it had them, new ones for the protocol. */
public final class FederationPaths {

    /** This airline's own best paths (original). */
    public static final String PATHS = "/caminhos_servidor";
    /** This airline's bookings and sold legs for a CPF (original). */
    public static final String TICKETS = "/passagens_servidor";
    /** Phase one: hold seats or mark them for cancellation (original name). */
    public static final String PREPARE = "/comprar_servidor";
    /** Phase two, COMMIT. */
    public static final String COMMIT = "/confirmar_servidor";
    /** Phase two, ABORT (original name). */
    public static final String ABORT = "/rollback";
    /** A participant asks the coordinator for a transaction's decision. */
    public static final String DECISION = "/decisao_servidor";
    /** The seats of one segment this airline flies, for a seat map shown by another server. */
    public static final String SEATS = "/assentos_servidor";
    /** The version of this airline's seat availability, which its path answers carry (peers cache them by it). */
    public static final String VERSION = "/versao_servidor";
    /** This airline's availability feed: server-sent events, a snapshot then every change (docs/availability.md). */
    public static final String FEED = "/disponibilidade_servidor";
    /** Liveness, signed, so that a peer with another secret shows as not answering. */
    public static final String PING = "/ping_servidor";

    /** Accounts (issue 16): a cadastro's claim on a CPF, asked of every other airline. */
    public static final String ACCOUNT_CLAIM = "/conta_servidor/reservar";
    /** Accounts: a login at another airline, whose password the home checks (and signs the session). */
    public static final String ACCOUNT_LOGIN = "/conta_servidor/login";
    /** Accounts: the account's data, from its home, for GET /conta at another airline. */
    public static final String ACCOUNT_DATA = "/conta_servidor/dados";
    /** Accounts: DELETE /conta at another airline, done by the home after it checked the password. */
    public static final String ACCOUNT_DELETE = "/conta_servidor/excluir";
    /** Accounts: a refresh token traded in at its home. */
    public static final String ACCOUNT_RENEW = "/conta_servidor/renovar";
    /** Accounts: a refresh token revoked at its home. */
    public static final String ACCOUNT_LOGOUT = "/conta_servidor/logout";

    public static final List<String> ALL = List.of(PATHS, VERSION, FEED, TICKETS, PREPARE, COMMIT, ABORT, DECISION, PING, SEATS,
            ACCOUNT_CLAIM, ACCOUNT_LOGIN, ACCOUNT_DATA, ACCOUNT_DELETE, ACCOUNT_RENEW, ACCOUNT_LOGOUT);

    private FederationPaths() {
    }
}
