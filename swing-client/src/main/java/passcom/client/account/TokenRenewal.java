package passcom.client.account;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import javax.swing.SwingWorker;
import javax.swing.Timer;
import passcom.client.api.AccountSession;
import passcom.client.api.SessionEnded;

/**
 * Renews a logged-in session's token ahead of time while the window is open, so that the first click after
 * a long pause is not the one that waits for a renewal: a one-shot Swing timer fires when
 * {@link AccountSession#untilRenewal()} says, the renewal runs off the event thread, and the timer is set
 * again for the new token. A renewal that fails for want of a server is tried again after
 * {@link #RETRY}; a refused refresh token ends the session, which the session's end listener reports.
 * Event-thread only.
 */
final class TokenRenewal {

    /** How soon to try again when no server answered a renewal. */
    static final Duration RETRY = Duration.ofSeconds(30);

    private final AccountSession session;
    private final Timer timer;
    private boolean stopped;

    TokenRenewal(AccountSession session) {
        this.session = session;
        this.timer = new Timer(0, e -> renewNow());
        timer.setRepeats(false);
    }

    void start() {
        schedule(session.untilRenewal());
    }

    void stop() {
        stopped = true;
        timer.stop();
    }

    private void schedule(Duration in) {
        if (stopped || session.ended()) {
            return;
        }
        // at least a second, so a server handing out tokens that are already due cannot spin the loop
        long millis = Math.max(1000, Math.min(Integer.MAX_VALUE, in.toMillis()));
        timer.setInitialDelay((int) millis);
        timer.restart();
    }

    private void renewNow() {
        new SwingWorker<Boolean, Void>() {
            @Override
            protected Boolean doInBackground() throws Exception {
                return session.renewIfDue();
            }

            @Override
            protected void done() {
                try {
                    get();
                    schedule(session.untilRenewal());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof SessionEnded)) {
                        schedule(RETRY);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.execute();
    }
}
