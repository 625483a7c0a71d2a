package passcom.core.route;

import java.util.Objects;

/** An airline's id as the network file names it ("A", "B", ...): never blank. */
public record AirlineId(String value) {

    public AirlineId {
        Objects.requireNonNull(value, "airline id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an airline id is never blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
