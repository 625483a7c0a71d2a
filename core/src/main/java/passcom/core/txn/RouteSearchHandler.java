package passcom.core.txn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import passcom.core.InvalidRequest;
import passcom.core.availability.AirlineImages;
import passcom.core.route.RouteNetwork;
import passcom.core.route.plan.AirlinePaths;
import passcom.core.route.plan.FederationPlanner;
import passcom.core.route.plan.LocalPathsCache;
import passcom.core.route.plan.SameInputsMemo;
import passcom.core.route.plan.Trip;
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
    private final SameInputsMemo<Trip, RouteSearch> searches = new SameInputsMemo<>(256);

    RouteSearchHandler(RouteNetwork network, Federation federation, LocalPathsCache localPaths, AirlineImages images) {
        this.network = network;
        this.federation = federation;
        this.localPaths = localPaths;
        this.images = images;
    }

    /**
     * Every customer query comes through here, and most find their merge in the memo, so the answers are gathered
     * into arrays in the federation's sorted order (the order the merge and the unavailable list always had), with no
     * sorted maps or streams on the way: under C1 those were half of a cached query's time in core.
     *
     * @throws InvalidRequest unknown city or same origin and destination
     */
    RouteSearch search(String origin, String destination) {
        validateTrip(network, origin, destination);
        Trip trip = new Trip(origin, destination);
        List<String> airlines = federation.sortedAirlines();
        int n = airlines.size();
        AirlinePaths[] answers = new AirlinePaths[n];
        long[] ages = new long[n];
        Set<String> withoutImage = null;
        for (int i = 0; i < n; i++) {
            String airline = airlines.get(i);
            AirlineImages.Plan plan = images.plan(airline).orElse(null);
            if (plan != null) {
                answers[i] = plan.paths().paths(trip);
                ages[i] = plan.ageMillis();
            } else if (!images.hasImage(airline)) {
                if (withoutImage == null) {
                    withoutImage = new TreeSet<>();
                }
                withoutImage.add(airline);
            }
        }
        if (withoutImage != null) {
            // No image yet (this server is starting, or the peer has no feed): asked as before images, with a round trip.
            Map<String, AirlinePaths> asked = federation.gather(withoutImage, port -> port.paths(origin, destination));
            for (int i = 0; i < n; i++) {
                AirlinePaths paths = asked.get(airlines.get(i));
                if (paths != null) {
                    answers[i] = paths;
                    ages[i] = 0L;
                }
            }
        }
        List<AirlinePaths> answered = new ArrayList<>(n);
        List<String> unavailable = new ArrayList<>(0);
        @SuppressWarnings("unchecked")
        Map.Entry<String, Long>[] answeredAges = new Map.Entry[n];
        int withAge = 0;
        for (int i = 0; i < n; i++) {
            if (answers[i] == null) {
                unavailable.add(airlines.get(i));
            } else {
                answered.add(answers[i]);
                answeredAges[withAge++] = Map.entry(airlines.get(i), ages[i]);
            }
        }
        List<Object> inputs = new ArrayList<>(answered);
        inputs.addAll(unavailable); // a changed set of missing airlines is a different input even with equal answers
        List<String> missing = List.copyOf(unavailable);
        return searches.get(trip, inputs, () -> new RouteSearch(origin, destination,
                FederationPlanner.plan(network, federation.self(), origin, destination, answered), answered, missing, Map.of()))
                .at(Map.ofEntries(Arrays.copyOf(answeredAges, withAge)));
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
