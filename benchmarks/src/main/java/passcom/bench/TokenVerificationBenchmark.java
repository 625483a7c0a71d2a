package passcom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import passcom.core.account.Accounts;
import passcom.core.account.PasswordHasher;
import passcom.core.cpf.Cpf;
import passcom.core.store.Store;
import passcom.server.auth.token.AccessTokens;
import passcom.server.auth.token.SigningKeys;
import passcom.server.auth.token.TokenVerifier;
import passcom.server.auth.token.VerifiedToken;

/**
 * The cost of checking an access token (issue 16: at most 50 µs of CPU). {@code repeated}: the same token
 * again, as a client sends it on every request for its 15 minutes (the verifier's bounded cache, expiry
 * still checked). {@code fresh}: a token never seen, cycling through more distinct tokens than the cache
 * keeps, so every call parses and verifies an ES256 signature. Single-threaded, so time is CPU time.
 * Command and target: docs/PERFORMANCE.md; past results: docs/history/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenVerificationBenchmark {

    /** More than the verifier caches, so that {@link #fresh} never hits it. */
    private static final int DISTINCT_TOKENS = 12_000;

    private Path dir;
    private Store store;
    private TokenVerifier verifier;
    private String token;
    private List<String> tokens;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("token-bench");
        store = Store.open("jdbc:sqlite:" + dir.resolve("a.db"), Duration.ofSeconds(5));
        Clock clock = Clock.systemUTC();
        SigningKeys keys = SigningKeys.open(new Accounts("A", store, new PasswordHasher(), clock), clock);
        AccessTokens issuer = new AccessTokens("A", keys, clock);
        verifier = new TokenVerifier(Set.of("A", "B", "C"), airline -> Optional.of(keys.publicKeys()), clock);
        Cpf cpf = Cpf.parse("529.982.247-25");
        token = issuer.issue(cpf).token();
        tokens = new ArrayList<>();
        for (int i = 0; i < DISTINCT_TOKENS; i++) {
            tokens.add(issuer.issue(cpf).token());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        store.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public VerifiedToken repeated() {
        return verifier.verify(token);
    }

    @Benchmark
    public VerifiedToken fresh() {
        String t = tokens.get(next);
        next = (next + 1) % DISTINCT_TOKENS;
        return verifier.verify(t);
    }
}
