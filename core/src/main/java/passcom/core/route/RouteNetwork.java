package passcom.core.route;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The route network every airline flies: cities, directed segments with their distances, and each
 * airline's price and seat capacity per segment. Immutable; validated by {@link NetworkLoader} or the
 * constructor. Iteration orders are sorted, so everything derived from a network is deterministic.
 */
public final class RouteNetwork {

    private final SortedMap<String, City> cities;
    /** The same cities by hash: every route query looks up its two ends, and a tree compares names all the way down. */
    private final Map<String, City> citiesByName;
    private final SortedMap<Segment.Key, Segment> segments;
    /** The same segments by hash: every route merge looks up each leg, and on 5,000 segments a tree costs 13 compares of names. */
    private final Map<Segment.Key, Segment> segmentsByKey;
    private final SortedMap<String, Airline> airlines;

    public RouteNetwork(Collection<City> cities, Collection<Segment> segments, Collection<Airline> airlines) {
        SortedMap<String, City> cityMap = new TreeMap<>();
        for (City city : cities) {
            if (cityMap.put(city.name(), city) != null) {
                throw new InvalidNetwork("duplicate city '" + city.name() + "'");
            }
        }
        SortedMap<Segment.Key, Segment> segmentMap = new TreeMap<>();
        for (Segment segment : segments) {
            for (String end : List.of(segment.origin(), segment.destination())) {
                if (!cityMap.containsKey(end)) {
                    throw new InvalidNetwork("segment " + segment.key() + ": unknown city '" + end + "'");
                }
            }
            if (segmentMap.put(segment.key(), segment) != null) {
                throw new InvalidNetwork("duplicate segment " + segment.key());
            }
        }
        SortedMap<String, Airline> airlineMap = new TreeMap<>();
        for (Airline airline : airlines) {
            for (Segment.Key flown : airline.capacity().keySet()) {
                if (!segmentMap.containsKey(flown)) {
                    throw new InvalidNetwork("airline " + airline.id() + ": unknown segment " + flown);
                }
            }
            if (airlineMap.put(airline.id(), airline) != null) {
                throw new InvalidNetwork("duplicate airline '" + airline.id() + "'");
            }
        }
        this.cities = Collections.unmodifiableSortedMap(cityMap);
        this.citiesByName = new HashMap<>(cityMap);
        this.segments = Collections.unmodifiableSortedMap(segmentMap);
        this.segmentsByKey = new HashMap<>(segmentMap);
        this.airlines = Collections.unmodifiableSortedMap(airlineMap);
    }

    public Collection<City> cities() {
        return cities.values();
    }

    public Collection<Segment> segments() {
        return segments.values();
    }

    public Collection<Airline> airlines() {
        return airlines.values();
    }

    public boolean hasCity(String name) {
        return name != null && citiesByName.containsKey(name);
    }

    /** @throws UnknownCity when the network has no such city */
    public City city(String name) {
        City city = name == null ? null : citiesByName.get(name);
        if (city == null) {
            throw new UnknownCity(name);
        }
        return city;
    }

    public Optional<Segment> segment(String origin, String destination) {
        return Optional.ofNullable(segmentsByKey.get(new Segment.Key(origin, destination)));
    }

    public Optional<Airline> airline(String id) {
        return Optional.ofNullable(airlines.get(id));
    }

    /** The segments this airline flies, in the network's sorted order. */
    public List<Segment> segmentsFlownBy(String airlineId) {
        Airline airline = airline(airlineId).orElseThrow(() -> new IllegalArgumentException("unknown airline " + airlineId));
        return segments.values().stream().filter(s -> airline.flies(s.key())).toList();
    }

    /** This network with one airline replaced or added (a server's flags override the file). */
    public RouteNetwork withAirline(Airline airline) {
        Map<String, Airline> next = new LinkedHashMap<>(airlines);
        next.put(airline.id(), airline);
        return new RouteNetwork(cities.values(), segments.values(), next.values());
    }
}
