package passcom.core.availability;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import passcom.core.money.Money;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.core.route.plan.FreeSegmentPaths;
import passcom.core.route.plan.SharedPathSearches;
import passcom.core.seat.FreeCount;
import passcom.core.time.Ticker;

/**
 * Every airline's availability as this server knows it (docs/availability.md): its own, published to its peers
 * by {@link AvailabilityPublisher}, and one {@link AvailabilityImage} per peer kept by an {@link ImageFeed}; plus
 * this server's own recent writes ({@link OwnWrites}). Route searches plan from here without asking anyone; the
 * images' path searches are shared among airlines that can sell the same segments ({@link SharedPathSearches}).
 *
 * <p>Threads: {@code feed-A} reads this airline's store; {@code images-A} reconnects feeds and checks silence;
 * messages arrive on the transports' threads. Thread-safe.
 */
public final class AirlineImages implements AutoCloseable {

    /** One airline's plan for a search: its paths over its free segments, and how old the image behind them is. */
    public record Plan(String airline, FreeSegmentPaths paths, long ageMillis) {
    }

    private final String self;
    private final AvailabilityPublisher publisher;
    private final Map<String, AvailabilityImage> images = new TreeMap<>();
    private final Map<String, ImageFeed> feeds = new TreeMap<>();
    /** Told when a peer's stream starts (set once by the node's wiring, before {@link #start}). */
    private volatile ImageFeed.Listener peerStreaming = ImageFeed.Listener.NONE;
    private final OwnWrites ownWrites;
    private final ScheduledExecutorService timer;
    private final SharedPathSearches searches;
    /** Per airline, the last plan with this server's own writes applied, reused while they and the image stand. */
    private final Map<String, Overridden> overridden = new ConcurrentHashMap<>();

    /**
     * @param readOwnFree     this airline's free seats per segment with their revisions, read from its store
     * @param peers           each peer airline's feed
     * @param pathsPerAirline k, the paths each airline contributes to a search
     */
    public AirlineImages(String self, Money ownPrice, RouteNetwork network, Supplier<Map<Segment.Key, FreeCount>> readOwnFree,
                         Map<String, FeedSource> peers, Ticker ticker, int pathsPerAirline) {
        this.self = Objects.requireNonNull(self, "self");
        this.searches = new SharedPathSearches(network, pathsPerAirline);
        this.ownWrites = new OwnWrites(ticker);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "images-" + self);
            t.setDaemon(true);
            return t;
        });
        AvailabilityImage own = image(self, ticker);
        images.put(self, own);
        this.publisher = new AvailabilityPublisher(self, ownPrice, readOwnFree, own, ticker);
        peers.forEach((airline, source) -> {
            if (!airline.equals(self)) {
                AvailabilityImage image = image(airline, ticker);
                images.put(airline, image);
                feeds.put(airline, new ImageFeed(image, source, timer, ticker, (peer, downFor) -> peerStreaming.streaming(peer, downFor)));
            }
        });
    }

    private AvailabilityImage image(String airline, Ticker ticker) {
        return new AvailabilityImage(airline, (price, free) -> searches.current(airline, price, free), ticker);
    }

    /** Who hears that a peer answers again: its feed's stream started, first or after one ended. */
    public void onPeerStreaming(ImageFeed.Listener listener) {
        this.peerStreaming = Objects.requireNonNull(listener, "listener");
    }

    /** Publishes this airline's feed and subscribes to every peer's. */
    public void start() {
        publisher.start();
        feeds.values().forEach(ImageFeed::start);
    }

    /** This airline's own feed, which peers subscribe to. */
    public AvailabilityPublisher publisher() {
        return publisher;
    }

    public OwnWrites ownWrites() {
        return ownWrites;
    }

    /** Every airline's image, this one's included (audits compare them with each airline's counters). */
    public Map<String, AvailabilityImage> images() {
        return Collections.unmodifiableMap(images);
    }

    /** Whether {@code airline}'s feed has ever delivered a snapshot here (not yet: starting up, or a peer without a feed). */
    public boolean hasImage(String airline) {
        AvailabilityImage image = images.get(airline);
        return image != null && image.state() != null;
    }

    /** Free seats of {@code segment} in {@code airline}'s image now (0 when unknown). */
    public int freeSeats(String airline, Segment.Key segment) {
        AvailabilityImage image = images.get(airline);
        AvailabilityImage.State state = image == null ? null : image.state();
        return state == null ? 0 : state.free().getOrDefault(segment, 0);
    }

    /**
     * The airline's plan for a search, with this server's own recent writes applied; empty when its image has not
     * been confirmed within {@link ImageFeed#SILENCE_LIMIT} (or never was), or its feed's stream has ended and no
     * new one has begun: the airline is then unavailable.
     */
    public Optional<Plan> plan(String airline) {
        AvailabilityImage image = images.get(airline);
        if (image == null) {
            return Optional.empty();
        }
        AvailabilityImage.State state = image.state();
        long age = image.ageMillis();
        ImageFeed feed = feeds.get(airline);
        if (state == null || age > ImageFeed.SILENCE_LIMIT.toMillis() || feed != null && !feed.streaming()) {
            return Optional.empty();
        }
        Map<Segment.Key, Integer> overrides = ownWrites.overrides(airline, state.free());
        if (overrides.isEmpty()) {
            if (!overridden.isEmpty()) {
                overridden.remove(airline); // let the last overridden plan's memo go once its writes are spent
            }
            return Optional.of(new Plan(airline, state.paths(), age));
        }
        return Optional.of(new Plan(airline, withOwnWrites(airline, state, overrides), age));
    }

    /**
     * The image's paths with this server's own writes applied: the same instance while the image's paths and the
     * segments the writes open or close stand (a bound lasts up to {@link OwnWrites#LIFETIME}, and every search
     * meanwhile would otherwise build a new set and start an empty memo).
     */
    private FreeSegmentPaths withOwnWrites(String airline, AvailabilityImage.State state, Map<Segment.Key, Integer> overrides) {
        Map<Segment.Key, Boolean> opens = new HashMap<>();
        overrides.forEach((segment, seats) -> opens.put(segment, seats > 0));
        Overridden last = overridden.get(airline);
        if (last != null && last.image == state.paths() && last.opens.equals(opens)) {
            return last.paths;
        }
        Set<Segment.Key> free = new HashSet<>(state.paths().free());
        opens.forEach((segment, open) -> {
            if (open) {
                free.add(segment);
            } else {
                free.remove(segment);
            }
        });
        FreeSegmentPaths paths = searches.passing(airline, state.pricePer100Km(), free);
        overridden.put(airline, new Overridden(state.paths(), opens, paths));
        return paths;
    }

    /** An image's paths, the segments this server's writes open (true) or close (false) over them, and the result. */
    private record Overridden(FreeSegmentPaths image, Map<Segment.Key, Boolean> opens, FreeSegmentPaths paths) {
    }

    /** Stops publishing (ends every subscriber's stream) and every subscription. */
    @Override
    public void close() {
        publisher.close();
        feeds.values().forEach(ImageFeed::close);
        timer.shutdownNow();
    }
}
