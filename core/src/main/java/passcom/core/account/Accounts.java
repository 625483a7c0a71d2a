package passcom.core.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import passcom.core.InvalidRequest;
import passcom.core.cpf.Cpf;
import passcom.core.store.Store;

/**
 * The accounts whose home is this airline: cadastro (one account per CPF in the federation, see
 * {@link #register}), password checks with lockout, deletion, refresh tokens and this airline's stored
 * signing keys. Design and guarantees: docs/security.md.
 *
 * <p>Durability: every change is one {@link Store#write}, on disk when the method returns. Password
 * hashing runs outside store transactions (it takes tens of milliseconds). Thread-safe.
 *
 * <p>Lockout (OWASP Authentication Cheat Sheet, "Account Lockout"): after {@link #MAX_FAILURES} wrong
 * passwords in a row the account refuses every password, the right one included, for {@link #LOCKOUT};
 * the lock then lifts by itself. A refusal costs one hash whatever the reason, so timing tells nothing.
 */
public final class Accounts {

    public static final int MAX_FAILURES = 10;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    /** How long another airline's claim on a CPF blocks cadastros of it here: past any cadastro's peer round. */
    public static final Duration CLAIM_TTL = Duration.ofMinutes(1);
    public static final Duration REFRESH_LIFETIME = Duration.ofDays(7);
    private static final int MAX_NAME = 100;
    private static final int MAX_EMAIL = 254;
    /** Something@domain.tld: enough to catch a typo; only a message sent to it could prove it exists. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Base64.Encoder URL64 = Base64.getUrlEncoder().withoutPadding();

    private final String airline;
    private final Store store;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Accounts(String airline, Store store, PasswordHasher hasher, Clock clock) {
        this.airline = airline;
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
    }

    public String airline() {
        return airline;
    }

    /**
     * Creates the account here, once no airline of the federation has one for the CPF: this airline records
     * its own claim, then every peer records it too ({@link AccountPeers#claimEverywhere}); a claim lasts
     * {@link #CLAIM_TTL} and blocks every other airline's cadastro of the CPF meanwhile. Two concurrent
     * cadastros at two airlines each find the other's claim and both are refused (CONTENDED), never both
     * created. Returns once the account is durable.
     *
     * @throws InvalidRequest        a missing name, a bad e-mail ({@link WeakPassword}: a password the rules refuse)
     * @throws AccountExists         the CPF has an account here or at a peer, or another cadastro of it is under way
     * @throws passcom.core.txn.AirlineUnreachable a peer did not answer: nothing created, retry later
     */
    public Account register(Cpf cpf, String name, String email, String password, AccountPeers peers) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME) {
            throw new InvalidRequest("informe o nome (até " + MAX_NAME + " caracteres)");
        }
        String cleanEmail = email == null ? "" : email.strip();
        if (cleanEmail.length() > MAX_EMAIL || !EMAIL.matcher(cleanEmail).matches()) {
            throw new InvalidRequest("e-mail inválido: use o formato nome@dominio.com");
        }
        PasswordRules.check(password);
        long expires = clock.millis() + CLAIM_TTL.toMillis();
        // Another airline's live claim here blocks this cadastro, but the peers are still asked: if that airline
        // has created the account meanwhile, the customer hears the definite "already exists".
        boolean claimedElsewhere = store.write(c -> {
            if (AccountLog.find(c, cpf, airline).isPresent()) {
                throw new AccountExists();
            }
            Optional<AccountLog.Claim> other = AccountLog.claim(c, cpf)
                    .filter(claim -> !claim.airline().equals(airline) && claim.expiresAt() > clock.millis());
            if (other.isEmpty()) {
                AccountLog.putClaim(c, cpf, airline, expires);
            }
            return other.isPresent();
        });
        String hash;
        try {
            ClaimAnswer answer = peers.claimEverywhere(cpf, airline);
            if (answer == ClaimAnswer.TAKEN) {
                throw new AccountExists();
            }
            if (answer == ClaimAnswer.CONTENDED || claimedElsewhere) {
                throw AccountExists.concurrent();
            }
            hash = hasher.hash(password);
        } catch (RuntimeException e) {
            store.write(c -> {
                AccountLog.dropClaim(c, cpf, airline);
                return null;
            });
            throw e;
        }
        Account account = new Account(cpf, cleanName, cleanEmail, airline, clock.instant());
        store.write(c -> {
            // Our claim must still stand: past its expiry another airline may have claimed the CPF since.
            Optional<AccountLog.Claim> ours = AccountLog.claim(c, cpf)
                    .filter(claim -> claim.airline().equals(airline) && claim.expiresAt() > clock.millis());
            if (ours.isEmpty()) {
                throw AccountExists.concurrent();
            }
            AccountLog.insert(c, account, hash);
            return null;
        });
        return account;
    }

    /** A peer's cadastro asks: records {@code claimant}'s claim on the CPF unless it has an account here or another live claim. */
    public ClaimAnswer claimFor(Cpf cpf, String claimant) {
        long now = clock.millis();
        return store.write(c -> {
            if (AccountLog.find(c, cpf, airline).isPresent()) {
                return ClaimAnswer.TAKEN;
            }
            Optional<AccountLog.Claim> existing = AccountLog.claim(c, cpf);
            if (existing.isPresent() && !existing.get().airline().equals(claimant) && existing.get().expiresAt() > now) {
                return ClaimAnswer.CONTENDED;
            }
            AccountLog.putClaim(c, cpf, claimant, now + CLAIM_TTL.toMillis());
            return ClaimAnswer.FREE;
        });
    }

    /** The account, if its home is here. */
    public Optional<Account> find(Cpf cpf) {
        return store.read(c -> AccountLog.find(c, cpf, airline).map(AccountLog.Row::account));
    }

    /**
     * Checks the password of an account whose home is here. Empty when there is none here (the caller asks
     * the peers, and runs {@link #dummyCheck} if nobody has it).
     *
     * @throws LoginRefused wrong password, or the account is locked
     */
    public Optional<Account> checkPassword(Cpf cpf, String password) {
        Optional<AccountLog.Row> found = store.read(c -> AccountLog.find(c, cpf, airline));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AccountLog.Row row = found.get();
        if (row.lockedUntil() > clock.millis()) {
            hasher.dummyCheck(password);
            throw new LoginRefused();
        }
        boolean right = password != null && hasher.matches(password, row.passwordHash());
        store.write(c -> {
            Optional<AccountLog.Row> now = AccountLog.find(c, cpf, airline);
            if (now.isEmpty()) {
                return null;
            }
            if (right) {
                AccountLog.setLockout(c, cpf, 0, 0);
            } else {
                int failures = now.get().failedLogins() + 1;
                if (failures >= MAX_FAILURES) {
                    AccountLog.setLockout(c, cpf, 0, clock.millis() + LOCKOUT.toMillis());
                } else {
                    AccountLog.setLockout(c, cpf, failures, now.get().lockedUntil());
                }
            }
            return null;
        });
        if (!right) {
            throw new LoginRefused();
        }
        return Optional.of(row.account());
    }

    /** Costs what a password check costs, for a login of a CPF that has no account anywhere. */
    public void dummyCheck(String password) {
        hasher.dummyCheck(password);
    }

    /**
     * Deletes the account (and its refresh tokens) after checking its password. Bookings stay: they are the
     * airlines' sales records. @throws LoginRefused no account here, wrong password or locked
     */
    public void delete(Cpf cpf, String password) {
        if (checkPassword(cpf, password).isEmpty()) {
            hasher.dummyCheck(password);
            throw new LoginRefused();
        }
        store.write(c -> AccountLog.delete(c, cpf));
    }

    /** Accounts locked right now (metrics). */
    public long lockedAccounts() {
        return store.read(c -> AccountLog.lockedAt(c, clock.millis()));
    }

    /**
     * A new refresh token for the CPF, stored here by its hash: {@code <airline>.<43 random characters>}, the
     * prefix telling any airline where to send it back.
     */
    public String issueRefresh(Cpf cpf) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = airline + "." + URL64.encodeToString(secret);
        long expires = clock.millis() + REFRESH_LIFETIME.toMillis();
        store.write(c -> {
            AccountLog.insertRefresh(c, sha256(token), cpf, expires);
            return null;
        });
        return token;
    }

    /** Trades a live refresh token in (it stops working) for the CPF it was issued to. @throws LoginRefused unknown, expired or revoked */
    public Cpf redeemRefresh(String token) {
        if (token == null || token.isBlank()) {
            throw new LoginRefused();
        }
        return store.write(c -> AccountLog.revokeRefresh(c, sha256(token.strip()), clock.millis())).orElseThrow(LoginRefused::new);
    }

    /** Revokes a refresh token; one unknown or already revoked changes nothing (logout is idempotent). */
    public void revokeRefresh(String token) {
        if (token != null && !token.isBlank()) {
            store.write(c -> AccountLog.revokeRefresh(c, sha256(token.strip()), clock.millis()));
        }
    }

    /** The airline a refresh token was issued by (its prefix), if it has one. */
    public static Optional<String> homeOf(String refreshToken) {
        if (refreshToken == null) {
            return Optional.empty();
        }
        int dot = refreshToken.strip().indexOf('.');
        return dot > 0 ? Optional.of(refreshToken.strip().substring(0, dot)) : Optional.empty();
    }

    /** This airline's signing keys as stored (private JWK JSON), oldest first. */
    public List<String> signingKeys() {
        return store.read(AccountLog::keys);
    }

    /** Stores a new signing key; returns once it is durable. */
    public void addSigningKey(String kid, String privateJwk) {
        store.write(c -> {
            AccountLog.insertKey(c, kid, privateJwk, clock.millis());
            return null;
        });
    }

    /** Forgets retired signing keys (past the rotation overlap, no live token uses them). */
    public void dropSigningKeys(List<String> kids) {
        store.write(c -> {
            for (String kid : kids) {
                AccountLog.deleteKey(c, kid);
            }
            return null;
        });
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
