package passcom.core;

/**
 * The customer or a peer asked for something that cannot be right: bad CPF, unknown city, a path not in
 * the network. Nothing was changed. The message is meant for the person who sent the request (pt-BR).
 */
public class InvalidRequest extends RuntimeException {
    public InvalidRequest(String message) {
        super(message);
    }
}
