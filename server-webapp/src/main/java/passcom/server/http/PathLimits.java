package passcom.server.http;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The server's concurrency limits: each group of paths has its own Jetty {@link QoSHandler} (at most so many of its
 * requests run at once; the rest wait suspended, without a thread, up to their maximum wait, then get a 503), found
 * by one exact look-up of the request's path. A path in no group runs unlimited. It replaces a nest of four
 * QoSHandlers through which every request passed, each matching its path against its own path specs.
 *
 * <p>Each group's QoSHandler forwards to this handler's child, which it does not own: the child is this handler's,
 * and the limits are beans of this handler, started after the child and stopped before it (so requests still
 * suspended in a limit are failed while the child can still answer). Paths are fixed before the server starts;
 * after that the look-up is read-only, so thread-safe.
 */
public final class PathLimits extends Handler.Wrapper {

    private final Map<String, QoSHandler> byPath = new HashMap<>();
    private final LinkedHashSet<QoSHandler> limits = new LinkedHashSet<>();

    public PathLimits(Handler next) {
        super(next);
    }

    /** At most {@code maxRequests} requests to these paths at once, together; the others wait up to {@code maxSuspend}. */
    public PathLimits limit(int maxRequests, Duration maxSuspend, String... paths) {
        QoSHandler limit = new QoSHandler(new Forward());
        limit.setMaxRequestCount(maxRequests);
        limit.setMaxSuspend(maxSuspend);
        for (String path : paths) {
            if (byPath.putIfAbsent(path, limit) != null) {
                throw new IllegalArgumentException(path + " is already in a limit");
            }
        }
        limits.add(limit);
        if (getServer() != null) {
            limit.setServer(getServer());
        }
        addBean(limit, true);
        return this;
    }

    @Override
    public void setServer(Server server) {
        super.setServer(server);
        limits.forEach(limit -> limit.setServer(server));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        QoSHandler limit = byPath.get(Request.getPathInContext(request));
        return limit == null ? super.handle(request, response, callback) : limit.handle(request, response, callback);
    }

    /** What a limit lets through goes on to this handler's child. */
    private final class Forward extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            return PathLimits.super.handle(request, response, callback);
        }
    }
}
