package passcom.server.peer;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passcom.api.Json;
import passcom.core.availability.AvailabilityPublisher;
import passcom.core.availability.FeedMessage;
import passcom.core.txn.AirlineNode;

/**
 * GET /disponibilidade_servidor (signed): this airline's availability feed as server-sent events, one
 * {@link AvailabilityMessage} per event, a snapshot first (docs/availability.md).
 *
 * <p>The request's thread stays with the subscriber, waiting on its bounded queue and writing: a peer has one
 * stream open per server, so a federation of n airlines holds n - 1 threads here (the pool has 200), and the
 * blocking write keeps back-pressure out of the sales path: a subscriber that does not read fills only its own
 * queue, which then turns into a snapshot. The stream ends when the peer goes away (a write fails), or when the
 * node stops its feeds. It is under no request limit: it would hold a place forever.
 */
public final class AvailabilityFeedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AvailabilityFeedServlet.class);

    private final transient AirlineNode node;

    public AvailabilityFeedServlet(AirlineNode node) {
        this.node = node;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        ServletOutputStream out = response.getOutputStream();
        try (AvailabilityPublisher.Subscription subscription = node.availabilityFeed().subscribe()) {
            while (!subscription.isClosed()) {
                FeedMessage message = subscription.next(AvailabilityPublisher.HEARTBEAT);
                if (message == null) {
                    continue;
                }
                // Every event already waiting goes out in the same flush: one packet for a burst, and the last flush
                // comes the moment the queue is empty, so no event waits for another.
                while (message != null) {
                    write(out, message);
                    message = subscription.poll();
                }
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("availability subscriber gone: {}", e.toString()); // a peer closing its stream is routine
        }
    }

    private static void write(ServletOutputStream out, FeedMessage message) throws IOException {
        AvailabilityMessage wire = AvailabilityMessage.of(message);
        out.write(("event: " + wire.tipo() + "\ndata: ").getBytes(StandardCharsets.UTF_8));
        out.write(Json.mapper().writeValueAsBytes(wire));
        out.write("\n\n".getBytes(StandardCharsets.UTF_8));
    }
}
