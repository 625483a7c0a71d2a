package passcom.core.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (RFC 9106) through Bouncy Castle, stored in the PHC string format
 * {@code $argon2id$v=19$m=12288,t=3,p=1$<salt>$<hash>} so that the parameters travel with each hash and can
 * be raised later without invalidating old ones. Parameters: OWASP Password Storage Cheat Sheet's second
 * Argon2id option (12 MiB, 3 passes, 1 lane), 16-byte random salt, 32-byte hash; why in docs/security.md.
 *
 * <p>Threads: at most {@link #CONCURRENT} hashes run at once (each takes 12 MiB and a core for tens of
 * milliseconds); more callers wait their turn, so a burst of logins cannot exhaust the heap.
 * {@link #dummyCheck} costs what a real check does, for logins of CPFs without an account here.
 */
public final class PasswordHasher {

    static final int MEMORY_KIB = 12 * 1024;
    static final int ITERATIONS = 3;
    static final int PARALLELISM = 1;
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    static final int CONCURRENT = 2;
    private static final Pattern PHC = Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    private final Semaphore running = new Semaphore(CONCURRENT, true);
    /**
     * What a login without an account is checked against, so that the refusal costs the same derivation: a PHC
     * string with today's parameters, a random salt and a random "hash". No password derives to it, as none would
     * to a hash of a random password, and building it costs no Argon2id run: hashing one here took 0.4-0.5 s of
     * every server's start-up (a cold JVM, C1 only), before the first answer (docs/PERFORMANCE.md, start-up).
     */
    private final String dummy;

    public PasswordHasher() {
        byte[] salt = new byte[SALT_BYTES];
        byte[] unreachable = new byte[HASH_BYTES];
        random.nextBytes(salt);
        random.nextBytes(unreachable);
        this.dummy = phc(MEMORY_KIB, ITERATIONS, PARALLELISM, salt, unreachable);
    }

    /** A new salted hash of {@code password}, in PHC format. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return phc(MEMORY_KIB, ITERATIONS, PARALLELISM, salt, hash);
    }

    private static String phc(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(hash);
    }

    /** Whether {@code password} is the one {@code stored} was made from (compared in constant time). */
    public boolean matches(String password, String stored) {
        Matcher phc = PHC.matcher(stored);
        if (!phc.matches()) {
            throw new IllegalStateException("not an Argon2id PHC string");
        }
        byte[] expected = B64D.decode(phc.group(5));
        byte[] actual = derive(password, B64D.decode(phc.group(4)), Integer.parseInt(phc.group(1)), Integer.parseInt(phc.group(2)),
                Integer.parseInt(phc.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Does the work of one {@link #matches} and throws the answer away. */
    public void dummyCheck(String password) {
        matches(password == null ? "" : password, dummy);
    }

    private byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        running.acquireUninterruptibly();
        try {
            generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        } finally {
            running.release();
        }
        return out;
    }
}
