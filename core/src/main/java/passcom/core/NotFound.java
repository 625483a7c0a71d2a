package passcom.core;

/** The thing asked for does not exist for this requester (e.g. no such booking for that CPF). */
public class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
