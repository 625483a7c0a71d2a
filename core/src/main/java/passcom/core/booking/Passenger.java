package passcom.core.booking;

import java.util.Objects;
import passcom.core.cpf.Cpf;

/** A person travelling on a booking: the CPF that identifies them, and the name they gave (optional, may be null). */
public record Passenger(Cpf cpf, String name) {
    public Passenger {
        Objects.requireNonNull(cpf, "cpf");
    }
}
