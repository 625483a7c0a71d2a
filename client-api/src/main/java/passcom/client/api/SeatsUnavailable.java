package passcom.client.api;

/**
 * 409: a definite refusal, nothing was bought. Either a leg of the itinerary has too few free seats (the
 * server message names the leg), or, as {@link SeatTaken}, a seat the customer chose was taken meanwhile.
 */
public sealed class SeatsUnavailable extends PasscomException permits SeatTaken {

    public SeatsUnavailable(String serverMessage) {
        this("sold out: " + serverMessage, serverMessage);
    }

    SeatsUnavailable(String message, String serverMessage) {
        super(message, serverMessage, null);
    }
}
