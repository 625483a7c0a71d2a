package passcom.core.route;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import passcom.core.money.Money;

/**
 * One airline of the federation as the network file describes it: its id ("A"), its price per 100 km,
 * and the seats it offers on each segment it flies (capacity, not what is free right now).
 */
public record Airline(String id, Money pricePer100Km, SortedMap<Segment.Key, Integer> capacity) {

    public Airline {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Za-z0-9_-]{1,16}")) {
            throw new IllegalArgumentException("airline id must be 1-16 letters, digits, '_' or '-': '" + id + "'");
        }
        Objects.requireNonNull(pricePer100Km, "pricePer100Km");
        if (!pricePer100Km.isPositive()) {
            throw new IllegalArgumentException("airline " + id + " has a non-positive price per 100 km");
        }
        capacity.forEach((segment, seats) -> {
            if (seats <= 0) {
                throw new IllegalArgumentException("airline " + id + " has " + seats + " seats on " + segment);
            }
        });
        capacity = Collections.unmodifiableSortedMap(new TreeMap<>(capacity));
    }

    public boolean flies(Segment.Key segment) {
        return capacity.containsKey(segment);
    }

    public int capacityOf(Segment.Key segment) {
        return capacity.getOrDefault(segment, 0);
    }

    /** The same airline at another price: a server's --price flag overrides the network file. */
    public Airline withPrice(Money price) {
        return new Airline(id, price, capacity);
    }

    /** The same airline with other capacities (tests and benchmarks build their scenarios this way). */
    public Airline withCapacity(Map<Segment.Key, Integer> newCapacity) {
        return new Airline(id, pricePer100Km, new TreeMap<>(newCapacity));
    }
}
