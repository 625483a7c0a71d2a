package passcom.client.api;

/** 409: a leg of the itinerary has no free seat; nothing was bought. The server message names the leg. */
public final class SeatsUnavailable extends PasscomException {

    public SeatsUnavailable(String serverMessage) {
        super("sold out: " + serverMessage, serverMessage, null);
    }
}
