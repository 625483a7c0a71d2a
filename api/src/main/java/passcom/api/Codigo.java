package passcom.api;

/**
 * What an error answer means, by name: the {@code codigo} of every {@link Erro} body. A client switches on it
 * instead of guessing from the status and from which fields are set (Maelstrom's numbered errors, in words).
 * Each code has one status; {@link #definite()} says whether the answer is a definite "nothing was done" or the
 * outcome is unknown (then a purchase is looked up, or repeated with the same {@code id_pedido}). Every 503 a
 * PASSCOM server writes is definite: nothing was done; only {@link #DESCONHECIDO} (500) and {@link #EM_ANDAMENTO} are not.
 *
 * <p>A client may meet a code newer than itself: {@link #parse} gives null, and the client reads the status as
 * a server without codes would be read. docs/purchase-protocol.md says what each code tells the customer.
 */
public enum Codigo {
    // A purchase that bought nothing, for a known reason
    /** 409: a leg of the itinerary has too few free seats. */
    ESGOTADO(409, true),
    /** 409: a seat the customer chose was taken meanwhile; {@code assento_ocupado} names it. */
    ASSENTO_OCUPADO(409, true),
    /** 409: the purchase was interrupted before it was decided, or an airline refused it as sent; a new order may pass. */
    NADA_COMPRADO(409, true),
    /** 503: an airline did not answer, so the purchase was aborted. A repeat of the same {@code id_pedido} says the same. */
    INDISPONIVEL_NADA_COMPRADO(503, true),
    /** 409: the order with this {@code id_pedido} is still being decided: ask again with the same id. */
    EM_ANDAMENTO(409, false),

    // A cancellation that cancelled nothing
    /** 409: the booking is not active at an airline (already cancelled, or being cancelled). */
    CANCELAMENTO_RECUSADO(409, true),
    /** 503: an airline did not answer, so nothing was cancelled. */
    INDISPONIVEL_NADA_CANCELADO(503, true),

    // Any request
    /** 400: the request is malformed or names something invalid; {@code erro} says what. */
    REQUISICAO_INVALIDA(400, true),
    /** 401: a token or login is missing, expired or wrong. */
    NAO_AUTENTICADO(401, true),
    /** 403: the caller may not do this. */
    PROIBIDO(403, true),
    /** 404: no such path, booking or city. */
    NAO_ENCONTRADO(404, true),
    /** 405: the path does not take this method. */
    METODO_NAO_PERMITIDO(405, true),
    /** 409: an account already exists for this CPF. */
    CONTA_EXISTENTE(409, true),
    /** 409: a peer message contradicts a decision already recorded (between airlines). */
    DECISAO_CONFLITANTE(409, true),
    /** 409: the request conflicts with the current state (a conflict no other code names). */
    CONFLITO(409, true),
    /** 413: the body is larger than the server takes. */
    CORPO_GRANDE_DEMAIS(413, true),
    /** 429: too many requests or failed logins; wait the {@code Retry-After} seconds. */
    MUITAS_TENTATIVAS(429, true),
    /** 503: an airline the request needs did not answer; nothing changed. */
    COMPANHIA_INDISPONIVEL(503, true),
    /** 503: the server's store failed, so nothing was committed; a repeat (of a purchase: with the same {@code id_pedido}) is safe. */
    ARMAZENAMENTO_INDISPONIVEL(503, true),
    /** 503: the server refused the request before handling it (overloaded, starting, or stopping). */
    SERVICO_INDISPONIVEL(503, true),
    /** 500: the server failed unexpectedly; whether the operation happened is unknown. */
    DESCONHECIDO(500, false);

    private final int status;
    private final boolean definite;

    Codigo(int status, boolean definite) {
        this.status = status;
        this.definite = definite;
    }

    /** The HTTP status an answer with this code has. */
    public int status() {
        return status;
    }

    /**
     * Whether the answer is definite: nothing was done, and the customer may be told so. False where the request
     * may still take effect, or may have taken effect (a purchase is then looked up or repeated with its id).
     */
    public boolean definite() {
        return definite;
    }

    /** The code of a status when nothing more specific is known (errors Jetty writes itself, a generic refusal). */
    public static Codigo forStatus(int status) {
        return switch (status) {
            case 401 -> NAO_AUTENTICADO;
            case 403 -> PROIBIDO;
            case 404 -> NAO_ENCONTRADO;
            case 405 -> METODO_NAO_PERMITIDO;
            case 409 -> CONFLITO;
            case 413 -> CORPO_GRANDE_DEMAIS;
            case 429 -> MUITAS_TENTATIVAS;
            case 503 -> SERVICO_INDISPONIVEL;
            default -> status >= 400 && status < 500 ? REQUISICAO_INVALIDA : DESCONHECIDO;
        };
    }

    /** The code named {@code name}, or null when there is none or this version does not know it. */
    public static Codigo parse(String name) {
        if (name == null) {
            return null;
        }
        for (Codigo codigo : values()) {
            if (codigo.name().equals(name)) {
                return codigo;
            }
        }
        return null;
    }
}
