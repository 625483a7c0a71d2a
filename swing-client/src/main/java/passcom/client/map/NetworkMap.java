package passcom.client.map;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import passcom.api.CidadeRede;
import passcom.api.CompanhiaRede;
import passcom.api.Rede;
import passcom.api.TrechoRede;

/**
 * What the map draws of the route network: cities at their coordinates, the segments between them (one
 * line per city pair, whichever way it is flown) and the airline ids, as the connected server's
 * {@code GET /rede} describes the network it runs. {@link #EMPTY} stands for a server that predates
 * {@code /rede}: the map then shows land and sea only. Immutable.
 */
public final class NetworkMap {

    /** No network known. */
    public static final NetworkMap EMPTY = new NetworkMap(Map.of(), List.of(), List.of());

    /** An undirected city pair and its distance. */
    public record Segment(String from, String to, int km) {
    }

    private final Map<String, GeoPoint> cities;
    private final List<Segment> segments;
    private final List<String> airlines;
    private final List<String> byProminence;

    public NetworkMap(Map<String, GeoPoint> cities, List<Segment> segments, List<String> airlines) {
        this.cities = Collections.unmodifiableMap(new LinkedHashMap<>(cities));
        this.segments = List.copyOf(segments);
        this.airlines = List.copyOf(airlines);
        this.byProminence = rankByLinks(this.cities.keySet(), this.segments);
    }

    /**
     * The network of a {@code /rede} answer. A segment whose city is missing from {@code cidades} is left out
     * rather than failing the whole map: the server is the authority on its network, the map only shows it.
     */
    public static NetworkMap of(Rede rede) {
        Map<String, GeoPoint> cities = new LinkedHashMap<>();
        for (CidadeRede city : nullToEmpty(rede.cidades())) {
            cities.put(city.nome(), new GeoPoint(city.lat(), city.lon()));
        }
        List<Segment> segments = new ArrayList<>();
        Set<Set<String>> seen = new HashSet<>();
        for (TrechoRede trecho : nullToEmpty(rede.trechos())) {
            if (cities.containsKey(trecho.origem()) && cities.containsKey(trecho.destino())
                    && !trecho.origem().equals(trecho.destino()) && seen.add(Set.of(trecho.origem(), trecho.destino()))) {
                segments.add(new Segment(trecho.origem(), trecho.destino(), trecho.distanciaKm()));
            }
        }
        List<String> airlines = nullToEmpty(rede.companhias()).stream().map(CompanhiaRede::id).sorted().toList();
        return new NetworkMap(cities, segments, airlines);
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    public Map<String, GeoPoint> cities() {
        return cities;
    }

    public List<Segment> segments() {
        return segments;
    }

    public List<String> airlines() {
        return airlines;
    }

    public boolean isEmpty() {
        return cities.isEmpty();
    }

    public GeoPoint at(String city) {
        return cities.get(city);
    }

    /** City names sorted the Brazilian way (accents ignored). */
    public List<String> cityNames() {
        List<String> names = new ArrayList<>(cities.keySet());
        names.sort(Collator.getInstance(Locale.forLanguageTag("pt-BR")));
        return names;
    }

    /** Every city, the best connected first (ties by name): the order in which labels claim room on the map. */
    public List<String> byProminence() {
        return byProminence;
    }

    private static List<String> rankByLinks(Set<String> cities, List<Segment> segments) {
        Map<String, Integer> links = new HashMap<>();
        for (Segment segment : segments) {
            links.merge(segment.from(), 1, Integer::sum);
            links.merge(segment.to(), 1, Integer::sum);
        }
        return cities.stream()
                .sorted(Comparator.comparing((String city) -> links.getOrDefault(city, 0)).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
    }
}
