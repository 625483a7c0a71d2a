package passcom.core.txn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import passcom.core.InvalidRequest;
import passcom.core.availability.AirlineImages;
import passcom.core.route.RouteNetwork;
import passcom.core.route.plan.AirlinePaths;
import passcom.core.route.plan.FederationPlanner;
import passcom.core.route.plan.LocalPathsCache;
import passcom.core.route.plan.SameInputsMemo;
import passcom.core.route.plan.VersionedPaths;

/**
 * Route searches: the customer's (GET /caminhos_cliente: every airline's best paths planned here, from this server's
 * image of its availability ({@link AirlineImages}), with no round trip, then merged by {@link FederationPlanner})
 * and a peer's (GET /caminhos_servidor: this airline's own best paths, from {@link LocalPathsCache}). An airline
 * whose image has not been confirmed for {@link passcom.core.availability.ImageFeed#SILENCE_LIMIT} is unavailable;
 * one that has no image yet (this server has just started, or the peer serves no feed) is asked, as before images.
 * Thread-safe.
 */
final class RouteSearchHandler {

    /** Each airline answers a search with its 10 best paths (the original PASSCOM's rule). */
    static final int PATHS_PER_AIRLINE = 10;

    private final RouteNetwork network;
    private final Federation federation;
    private final LocalPathsCache localPaths;
    private final AirlineImages images;
    /**
     * The merge of a trip's answers, kept while every answer is the same cached instance (same versions). 256
     * trips: every trip of a small network, and on a 1,000-city one (where trips rarely repeat) a few MB of
     * itineraries rather than the heap: 4,096 of them starved the 128 MB heap into back-to-back collections.
     */
    private final SameInputsMemo<List<String>, RouteSearch> searches = new SameInputsMemo<>(256);

    RouteSearchHandler(RouteNetwork network, Federation federation, LocalPathsCache localPaths, AirlineImages images) {
        this.network = network;
        this.federation = federation;
        this.localPaths = localPaths;
        this.images = images;
    }

    /** @throws InvalidRequest unknown city or same origin and destination */
    RouteSearch search(String origin, String destination) {
        validateTrip(network, origin, destination);
        Map<String, AirlinePaths> answers = new TreeMap<>();
        Map<String, Long> ages = new TreeMap<>();
        Set<String> withoutImage = new TreeSet<>();
        for (String airline : federation.airlines()) {
            images.plan(airline).ifPresentOrElse(plan -> {
                answers.put(airline, plan.paths().paths(origin, destination));
                ages.put(airline, plan.ageMillis());
            }, () -> {
                if (!images.hasImage(airline)) {
                    withoutImage.add(airline);
                }
            });
        }
        if (!withoutImage.isEmpty()) {
            // No image yet (this server is starting, or the peer has no feed): asked as before images, with a round trip.
            Map<String, AirlinePaths> asked = federation.gather(withoutImage, port -> port.paths(origin, destination));
            answers.putAll(asked);
            asked.keySet().forEach(airline -> ages.put(airline, 0L));
        }
        List<String> unavailable = federation.missingFrom(answers);
        List<AirlinePaths> answered = new ArrayList<>(answers.values());
        List<Object> inputs = new ArrayList<>(answered);
        inputs.addAll(unavailable); // a changed set of missing airlines is a different input even with equal answers
        return searches.get(List.of(origin, destination), inputs, () -> new RouteSearch(origin, destination,
                FederationPlanner.plan(network, federation.self(), origin, destination, answered), answered, unavailable, Map.of()))
                .at(ages);
    }

    VersionedPaths versionedPaths(String origin, String destination) {
        validateTrip(network, origin, destination);
        return localPaths.paths(origin, destination);
    }

    long pathsVersion() {
        return localPaths.version();
    }

    /** @throws InvalidRequest a city missing or unknown, or origin and destination the same */
    static void validateTrip(RouteNetwork network, String origin, String destination) {
        if (origin == null || origin.isBlank()) {
            throw new InvalidRequest("informe a origem");
        }
        if (destination == null || destination.isBlank()) {
            throw new InvalidRequest("informe o destino");
        }
        network.city(origin);
        network.city(destination);
        if (origin.equals(destination)) {
            throw new InvalidRequest("origem e destino são a mesma cidade: " + origin);
        }
    }
}
