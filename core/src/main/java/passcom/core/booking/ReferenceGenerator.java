package passcom.core.booking;

import java.security.SecureRandom;

/**
 * Booking references (localizadores) as airlines print them: 6 characters from an alphabet without the
 * look-alikes 0/O and 1/I/L, so a customer can read one over the phone. 30^6 ≈ 7×10^8 values; a collision
 * is caught by the stores' primary keys and the purchase is refused rather than merged.
 */
public final class ReferenceGenerator {

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ2345679";
    private final SecureRandom random = new SecureRandom();

    public String next() {
        char[] reference = new char[6];
        for (int i = 0; i < reference.length; i++) {
            reference[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(reference);
    }
}
