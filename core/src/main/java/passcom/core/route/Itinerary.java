package passcom.core.route;

import java.util.ArrayList;
import java.util.List;
import passcom.core.money.Money;

/** A sequence of connected legs, possibly on several airlines. Totals are sums of leg prices and km. */
public record Itinerary(List<Leg> legs) {

    public Itinerary {
        if (legs.isEmpty()) {
            throw new IllegalArgumentException("an itinerary has at least one leg");
        }
        for (int i = 1; i < legs.size(); i++) {
            if (!legs.get(i - 1).segment().destination().equals(legs.get(i).segment().origin())) {
                throw new IllegalArgumentException("legs do not connect at leg " + i);
            }
        }
        legs = List.copyOf(legs);
    }

    public int km() {
        return legs.stream().mapToInt(l -> l.segment().km()).sum();
    }

    public Money price() {
        return legs.stream().map(Leg::price).reduce(Money.ZERO, Money::plus);
    }

    /** The cities in order: origin, every stop, destination. */
    public List<String> cities() {
        List<String> cities = new ArrayList<>();
        cities.add(legs.get(0).segment().origin());
        legs.forEach(l -> cities.add(l.segment().destination()));
        return cities;
    }

    /** The airline of each leg, in order. */
    public List<String> airlines() {
        return legs.stream().map(Leg::airline).toList();
    }
}
