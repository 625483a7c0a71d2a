package passcom.core.route;

import java.util.Objects;

/** A city of the network, named as customers know it ("São Paulo"), with WGS84 coordinates for the map. */
public record City(String name, double latitude, double longitude) {
    public City {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("city name is blank");
        }
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("coordinates out of range for " + name + ": " + latitude + ", " + longitude);
        }
    }
}
