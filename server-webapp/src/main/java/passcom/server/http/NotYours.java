package passcom.server.http;

/** A customer's valid token used for another CPF's data (403). Nothing was read or changed. */
public final class NotYours extends RuntimeException {
    public NotYours() {
        super("Este token é de outro CPF.", null, false, false);
    }
}
