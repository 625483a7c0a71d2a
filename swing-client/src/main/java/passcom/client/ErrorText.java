package passcom.client;

import java.time.Duration;
import passcom.client.api.AccountExists;
import passcom.client.api.AirlineUnreachable;
import passcom.client.api.NoServerAnswers;
import passcom.client.api.NotAuthenticated;
import passcom.client.api.OutcomeUnknown;
import passcom.client.api.RateLimited;
import passcom.client.api.RequestRejected;
import passcom.client.api.SeatsUnavailable;
import passcom.client.api.SessionEnded;
import passcom.client.api.UntrustedServer;
import passcom.client.i18n.Messages;

/** A failure in words a customer can act on: the server's own {@code erro} where it gave one, never a stack trace. */
public final class ErrorText {

    private ErrorText() {
    }

    public static String of(Throwable failure) {
        if (failure instanceof SessionEnded) {
            return Messages.get("error.sessionEnded");
        }
        if (failure instanceof NotAuthenticated e) {
            return e.serverMessage() == null || e.serverMessage().isBlank() ? Messages.get("error.sessionEnded")
                    : Messages.get("error.notAuthenticated", e.serverMessage());
        }
        if (failure instanceof RateLimited e) {
            return e.retryAfter().map(wait -> Messages.get("error.rateLimited", waitText(wait))).orElse(Messages.get("error.rateLimitedNoTime"));
        }
        if (failure instanceof AccountExists e) {
            // the server's words: "já existe", or a cadastro of this CPF still "em andamento" elsewhere
            return e.serverMessage() == null || e.serverMessage().isBlank() ? Messages.get("account.exists") : e.serverMessage();
        }
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

    /** "2 minutos", "40 segundos": whole minutes from a minute on, rounded up, so the customer never retries too early. */
    static String waitText(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        return seconds >= 60 ? Messages.get("error.minutes", (seconds + 59) / 60) : Messages.get("error.seconds", seconds);
    }
}
