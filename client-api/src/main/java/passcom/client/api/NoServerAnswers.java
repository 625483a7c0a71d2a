package passcom.client.api;

/**
 * No configured server could be reached. For a purchase or cancellation this is thrown only when no
 * server received the request, so nothing changed.
 */
public final class NoServerAnswers extends PasscomException {

    public NoServerAnswers(String tried, Throwable lastCause) {
        super("no server answers (tried " + tried + ")", null, lastCause);
    }
}
