package passcom.server.http;

/** The request body is over {@link RequestBody#LIMIT} bytes. Maps to 413. */
public final class PayloadTooLarge extends RuntimeException {
    public PayloadTooLarge() {
        super("O corpo da requisição passa de " + RequestBody.LIMIT / 1024 + " KiB");
    }
}
