package passcom.client.purchase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import passcom.api.Assento;
import passcom.api.MapaAssentos;
import passcom.api.TrechoAssento;
import passcom.api.TrechoRota;

/**
 * Which seat each passenger chose on each leg of one itinerary, against the seat maps the airlines last
 * answered. Plain Java, no Swing: the purchase dialog shows it, tests drive it. A passenger without a choice
 * on a leg gets the lowest free seat there ({@code null} in {@link #seatsOf}). A seat is held by at most one
 * passenger of the booking; choosing a seat another passenger of it holds moves the seat. A seat the map
 * shows taken cannot be chosen, and a fresh map that shows a chosen seat taken drops that choice.
 * Event-thread only, like the dialog.
 */
public final class SeatChoice {

    private final int legs;
    private final List<MapaAssentos> maps;
    /** chosen.get(passenger).get(leg): a seat number or null. */
    private final List<List<Integer>> chosen = new ArrayList<>();

    public SeatChoice(int legs, int passengers) {
        if (legs < 1) {
            throw new IllegalArgumentException("an itinerary has at least one leg");
        }
        this.legs = legs;
        this.maps = new ArrayList<>(Collections.nCopies(legs, null));
        for (int p = 0; p < passengers; p++) {
            addPassenger();
        }
    }

    public int legs() {
        return legs;
    }

    public int passengers() {
        return chosen.size();
    }

    public void addPassenger() {
        chosen.add(new ArrayList<>(Collections.nCopies(legs, null)));
    }

    /** The passenger leaves the booking with their choices; later passengers move up one. */
    public void removePassenger(int passenger) {
        chosen.remove(passenger);
    }

    /** The leg's seat map arrived (or was refreshed): choices it shows taken are dropped. */
    public void setMap(int leg, MapaAssentos map) {
        maps.set(leg, Objects.requireNonNull(map, "map"));
        for (List<Integer> seats : chosen) {
            Integer seat = seats.get(leg);
            if (seat != null && !isFree(map, seat)) {
                seats.set(leg, null);
            }
        }
    }

    /**
     * A choice carried over from an earlier try (the dialog shown again after a refusal), taken as given
     * until the leg's map arrives and {@link #setMap} drops it if the seat is no longer free.
     */
    public void preset(int passenger, int leg, int seat) {
        for (List<Integer> other : chosen) {
            if (Objects.equals(other.get(leg), seat)) {
                other.set(leg, null);
            }
        }
        chosen.get(passenger).set(leg, seat);
    }

    /** The map of the leg, or null while it has not arrived. */
    public MapaAssentos map(int leg) {
        return maps.get(leg);
    }

    /**
     * The passenger takes {@code seat} on {@code leg}, or gives it up if it was already theirs. Refused
     * (returns false) while the leg's map is unknown or shows the seat taken.
     */
    public boolean toggle(int passenger, int leg, int seat) {
        MapaAssentos map = maps.get(leg);
        if (map == null || !isFree(map, seat)) {
            return false;
        }
        List<Integer> seats = chosen.get(passenger);
        if (Objects.equals(seats.get(leg), seat)) {
            seats.set(leg, null);
            return true;
        }
        for (List<Integer> other : chosen) {
            if (Objects.equals(other.get(leg), seat)) {
                other.set(leg, null);
            }
        }
        seats.set(leg, seat);
        return true;
    }

    /** The passenger who chose {@code seat} on {@code leg}, or -1. */
    public int holderOf(int leg, int seat) {
        for (int p = 0; p < chosen.size(); p++) {
            if (Objects.equals(chosen.get(p).get(leg), seat)) {
                return p;
            }
        }
        return -1;
    }

    /** The next passenger after {@code passenger} (wrapping) with no seat chosen on {@code leg}, or {@code passenger} if all have one. */
    public int nextUnseated(int passenger, int leg) {
        for (int step = 1; step <= chosen.size(); step++) {
            int candidate = (passenger + step) % chosen.size();
            if (chosen.get(candidate).get(leg) == null) {
                return candidate;
            }
        }
        return passenger;
    }

    /** The seat per leg for the purchase body: null where the airline picks the lowest free seat. */
    public List<Integer> seatsOf(int passenger) {
        return Collections.unmodifiableList(new ArrayList<>(chosen.get(passenger)));
    }

    /** Drops whatever choice is on the seat the server said was taken meanwhile; true when one was. */
    public boolean forget(int leg, int seat) {
        boolean dropped = false;
        for (List<Integer> seats : chosen) {
            if (Objects.equals(seats.get(leg), seat)) {
                seats.set(leg, null);
                dropped = true;
            }
        }
        return dropped;
    }

    /** The leg index a taken-seat refusal names, matched by cities and airline; -1 if none matches. */
    public static int legOf(List<TrechoRota> route, TrechoAssento taken) {
        for (int leg = 0; leg < route.size(); leg++) {
            TrechoRota t = route.get(leg);
            if (t.origem().equals(taken.origem()) && t.destino().equals(taken.destino()) && t.companhia().equals(taken.companhia())) {
                return leg;
            }
        }
        return -1;
    }

    private static boolean isFree(MapaAssentos map, int seat) {
        if (map.assentos() == null) {
            return false;
        }
        for (Assento assento : map.assentos()) {
            if (assento.numero() == seat) {
                return assento.livre();
            }
        }
        return false;
    }
}
