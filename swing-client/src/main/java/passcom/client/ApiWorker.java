package passcom.client;

import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import javax.swing.SwingWorker;
import passcom.client.api.PasscomException;

/**
 * Runs one API call off the event thread with the busy indicator on, then hands the answer or the failure
 * (unwrapped from {@link ExecutionException}, never swallowed) to the event thread. A cancelled worker
 * reports nothing: the search that replaced it owns the screen.
 */
public final class ApiWorker<T> extends SwingWorker<T, Void> {

    /** The blocking call; it may be interrupted when the worker is cancelled. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws PasscomException, InterruptedException;
    }

    private final BusyIndicator busy;
    private final Call<T> call;
    private final Consumer<T> onAnswer;
    private final Consumer<Throwable> onFailure;

    private ApiWorker(BusyIndicator busy, Call<T> call, Consumer<T> onAnswer, Consumer<Throwable> onFailure) {
        this.busy = busy;
        this.call = call;
        this.onAnswer = onAnswer;
        this.onFailure = onFailure;
    }

    /** Starts the call; must be called on the event thread. */
    public static <T> ApiWorker<T> start(BusyIndicator busy, Call<T> call, Consumer<T> onAnswer, Consumer<Throwable> onFailure) {
        ApiWorker<T> worker = new ApiWorker<>(busy, call, onAnswer, onFailure);
        busy.begin();
        worker.execute();
        return worker;
    }

    @Override
    protected T doInBackground() throws Exception {
        return call.call();
    }

    @Override
    protected void done() {
        busy.end();
        if (isCancelled()) {
            return;
        }
        try {
            onAnswer.accept(get());
        } catch (ExecutionException e) {
            onFailure.accept(e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
