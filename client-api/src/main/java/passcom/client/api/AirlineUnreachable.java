package passcom.client.api;

import passcom.api.Codigo;

/**
 * 503: the connected server could not reach an airline the request needs, so it changed nothing: a definite answer
 * ({@code INDISPONIVEL_NADA_COMPRADO}, {@code INDISPONIVEL_NADA_CANCELADO}, {@code COMPANHIA_INDISPONIVEL}). A repeat
 * of the same purchase ({@code id_pedido}) is told the same; a new purchase may pass once the airline is back.
 */
public final class AirlineUnreachable extends PasscomException {

    public AirlineUnreachable(String serverMessage) {
        this(Codigo.COMPANHIA_INDISPONIVEL, serverMessage);
    }

    public AirlineUnreachable(Codigo codigo, String serverMessage) {
        super("airline unreachable: " + serverMessage, serverMessage, codigo, null);
    }
}
