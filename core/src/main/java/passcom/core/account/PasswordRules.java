package passcom.core.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be (OWASP Authentication Cheat Sheet, "Implement Proper Password Strength
 * Controls"; NIST SP 800-63B §5.1.1.2): at least {@link #MIN_LENGTH} characters (code points, so accents
 * count as one), at most {@link #MAX_LENGTH} (the hash's input stays bounded), and not one of the 10,000
 * most common passwords. No composition rules: NIST advises against them.
 *
 * <p>The list is {@code common-passwords.txt} beside this class: Mark Burnett's "10,000 Top Passwords", as
 * SecLists ships it ({@code Passwords/Common-Credentials/10k-most-common.txt}) and the npm package
 * {@code common-password} 0.1.2 carries it (copied from there; SHA-256 in docs/security.md). Compared
 * ignoring case, since "Password123" is as guessable as "password123".
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = load();

    private PasswordRules() {
    }

    /** @throws WeakPassword naming the rule broken */
    public static void check(String password) {
        if (password == null || password.isEmpty()) {
            throw new WeakPassword("informe a senha");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new WeakPassword("a senha precisa de pelo menos " + MIN_LENGTH + " caracteres");
        }
        if (length > MAX_LENGTH) {
            throw new WeakPassword("a senha pode ter no máximo " + MAX_LENGTH + " caracteres");
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            throw new WeakPassword("essa senha está entre as 10.000 mais usadas; escolha outra");
        }
    }

    /** How many passwords the list holds (10,000 less duplicates after lower-casing). */
    static int listed() {
        return COMMON.size();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        InputStream in = PasswordRules.class.getResourceAsStream("common-passwords.txt");
        if (in == null) {
            throw new IllegalStateException("common-passwords.txt is missing from the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
