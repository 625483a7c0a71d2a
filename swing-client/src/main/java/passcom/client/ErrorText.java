package passcom.client;

import passcom.client.api.AirlineUnreachable;
import passcom.client.api.NoServerAnswers;
import passcom.client.api.OutcomeUnknown;
import passcom.client.api.RequestRejected;
import passcom.client.api.SeatsUnavailable;
import passcom.client.api.UntrustedServer;
import passcom.client.i18n.Messages;

/** A failure in words a customer can act on: the server's own {@code erro} where it gave one, never a stack trace. */
public final class ErrorText {

    private ErrorText() {
    }

    public static String of(Throwable failure) {
        if (failure instanceof SeatsUnavailable e) {
            return Messages.get("error.soldOut", e.serverMessage());
        }
        if (failure instanceof AirlineUnreachable e) {
            return Messages.get("error.airlineUnreachable", e.serverMessage());
        }
        if (failure instanceof RequestRejected e) {
            return e.serverMessage();
        }
        if (failure instanceof UntrustedServer e) {
            return Messages.get("error.untrustedServer." + e.reason().name(), e.server().id(), e.server().uri());
        }
        if (failure instanceof NoServerAnswers) {
            return Messages.get("error.noServer");
        }
        if (failure instanceof OutcomeUnknown e) {
            return Messages.get("error.outcomeUnknown", e.server().id());
        }
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return Messages.get("error.unexpected", detail);
    }
}
