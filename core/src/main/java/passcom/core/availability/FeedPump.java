package passcom.core.availability;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers a subscription to a sink in the same process (an in-memory federation's peers): one daemon thread per
 * subscriber, which waits on the subscription and hands each message on. The HTTP transport does the same on the
 * request's thread, writing server-sent events.
 */
public final class FeedPump {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private FeedPump() {
    }

    /** Starts delivering; closing the returned connection ends the subscription and the thread. */
    public static FeedConnection start(AvailabilityPublisher.Subscription subscription, FeedSink sink) {
        Thread thread = new Thread(() -> {
            try {
                while (!subscription.isClosed()) {
                    FeedMessage message = subscription.next(AvailabilityPublisher.HEARTBEAT);
                    if (message != null) {
                        sink.accept(message);
                    }
                }
                sink.ended(null);
            } catch (InterruptedException e) {
                sink.ended(e);
            }
        }, "feed-pump-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
        return () -> {
            subscription.close();
            thread.interrupt();
        };
    }
}
