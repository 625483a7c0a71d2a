package passcom.core.txn;

/** An airline could not be reached or did not answer in time. Says nothing about whether a message arrived. */
public final class AirlineUnreachable extends RuntimeException {
    private final String airline;

    public AirlineUnreachable(String airline, String detail) {
        super("Companhia " + airline + " indisponível: " + detail);
        this.airline = airline;
    }

    public String airline() {
        return airline;
    }
}
