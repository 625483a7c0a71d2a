package passcom.client.api;

import passcom.api.Codigo;

/**
 * 409: a definite refusal, nothing was bought or cancelled ({@link #codigo()}: {@code ESGOTADO}, a leg has too few
 * free seats and the message names it; {@code NADA_COMPRADO}, interrupted or refused by an airline;
 * {@code CANCELAMENTO_RECUSADO}), or, as {@link SeatTaken}, a seat the customer chose was taken meanwhile.
 */
public sealed class SeatsUnavailable extends PasscomException permits SeatTaken {

    public SeatsUnavailable(String serverMessage) {
        this(Codigo.ESGOTADO, serverMessage);
    }

    public SeatsUnavailable(Codigo codigo, String serverMessage) {
        this(codigo.name().toLowerCase(java.util.Locale.ROOT) + ": " + serverMessage, serverMessage, codigo);
    }

    SeatsUnavailable(String message, String serverMessage, Codigo codigo) {
        super(message, serverMessage, codigo, null);
    }
}
