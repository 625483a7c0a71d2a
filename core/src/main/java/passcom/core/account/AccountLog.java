package passcom.core.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import passcom.core.cpf.Cpf;

/**
 * The accounts' SQL, in one place (tables of V3__accounts.sql): accounts with their hash and lockout counters,
 * cadastro claims, refresh tokens by hash, and signing keys. Methods take the caller's connection, so that
 * the checks and writes of one step commit together.
 */
final class AccountLog {

    /** An account row with what only the home may read: its hash and lockout state. */
    record Row(Account account, String passwordHash, int failedLogins, long lockedUntil) {
    }

    record Claim(String airline, long expiresAt) {
    }

    private AccountLog() {
    }

    static Optional<Row> find(Connection c, Cpf cpf, String home) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT name, email, password_hash, created_at, failed_logins, locked_until FROM account WHERE cpf = ?")) {
            select.setString(1, cpf.digits());
            try (ResultSet r = select.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Account account = new Account(cpf, r.getString(1), r.getString(2), home, Instant.ofEpochMilli(r.getLong(4)));
                return Optional.of(new Row(account, r.getString(3), r.getInt(5), r.getLong(6)));
            }
        }
    }

    static void insert(Connection c, Account account, String passwordHash) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO account (cpf, name, email, password_hash, created_at, failed_logins, locked_until) VALUES (?, ?, ?, ?, ?, 0, 0)")) {
            insert.setString(1, account.cpf().digits());
            insert.setString(2, account.name());
            insert.setString(3, account.email());
            insert.setString(4, passwordHash);
            insert.setLong(5, account.createdAt().toEpochMilli());
            insert.executeUpdate();
        }
    }

    /** Deletes the account and every refresh token of its CPF. */
    static boolean delete(Connection c, Cpf cpf) throws SQLException {
        try (PreparedStatement tokens = c.prepareStatement("DELETE FROM refresh_token WHERE cpf = ?");
             PreparedStatement account = c.prepareStatement("DELETE FROM account WHERE cpf = ?")) {
            tokens.setString(1, cpf.digits());
            tokens.executeUpdate();
            account.setString(1, cpf.digits());
            return account.executeUpdate() == 1;
        }
    }

    static void setLockout(Connection c, Cpf cpf, int failedLogins, long lockedUntil) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE account SET failed_logins = ?, locked_until = ? WHERE cpf = ?")) {
            update.setInt(1, failedLogins);
            update.setLong(2, lockedUntil);
            update.setString(3, cpf.digits());
            update.executeUpdate();
        }
    }

    static long lockedAt(Connection c, long now) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM account WHERE locked_until > ?")) {
            select.setLong(1, now);
            try (ResultSet r = select.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static Optional<Claim> claim(Connection c, Cpf cpf) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT airline, expires_at FROM account_claim WHERE cpf = ?")) {
            select.setString(1, cpf.digits());
            try (ResultSet r = select.executeQuery()) {
                return r.next() ? Optional.of(new Claim(r.getString(1), r.getLong(2))) : Optional.empty();
            }
        }
    }

    static void putClaim(Connection c, Cpf cpf, String airline, long expiresAt) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM account_claim WHERE cpf = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO account_claim (cpf, airline, expires_at) VALUES (?, ?, ?)")) {
            delete.setString(1, cpf.digits());
            delete.executeUpdate();
            insert.setString(1, cpf.digits());
            insert.setString(2, airline);
            insert.setLong(3, expiresAt);
            insert.executeUpdate();
        }
    }

    static void dropClaim(Connection c, Cpf cpf, String airline) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM account_claim WHERE cpf = ? AND airline = ?")) {
            delete.setString(1, cpf.digits());
            delete.setString(2, airline);
            delete.executeUpdate();
        }
    }

    static void insertRefresh(Connection c, String tokenHash, Cpf cpf, long expiresAt) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO refresh_token (token_hash, cpf, expires_at, revoked) VALUES (?, ?, ?, 0)")) {
            insert.setString(1, tokenHash);
            insert.setString(2, cpf.digits());
            insert.setLong(3, expiresAt);
            insert.executeUpdate();
        }
    }

    /** Revokes a live refresh token and returns its CPF; empty when unknown, expired or already revoked. */
    static Optional<Cpf> revokeRefresh(Connection c, String tokenHash, long now) throws SQLException {
        Optional<Cpf> owner;
        try (PreparedStatement select = c.prepareStatement(
                "SELECT cpf FROM refresh_token WHERE token_hash = ? AND revoked = 0 AND expires_at > ?")) {
            select.setString(1, tokenHash);
            select.setLong(2, now);
            try (ResultSet r = select.executeQuery()) {
                owner = r.next() ? Optional.of(new Cpf(r.getString(1))) : Optional.empty();
            }
        }
        if (owner.isPresent()) {
            try (PreparedStatement update = c.prepareStatement("UPDATE refresh_token SET revoked = 1 WHERE token_hash = ? AND revoked = 0")) {
                update.setString(1, tokenHash);
                if (update.executeUpdate() != 1) {
                    return Optional.empty(); // traded in by a concurrent request (PostgreSQL): only one of them wins
                }
            }
        }
        return owner;
    }

    static List<String> keys(Connection c) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT jwk FROM signing_key ORDER BY created_at, kid");
             ResultSet r = select.executeQuery()) {
            while (r.next()) {
                keys.add(r.getString(1));
            }
        }
        return keys;
    }

    static void insertKey(Connection c, String kid, String jwk, long now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO signing_key (kid, jwk, created_at) VALUES (?, ?, ?)")) {
            insert.setString(1, kid);
            insert.setString(2, jwk);
            insert.setLong(3, now);
            insert.executeUpdate();
        }
    }

    static void deleteKey(Connection c, String kid) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM signing_key WHERE kid = ?")) {
            delete.setString(1, kid);
            delete.executeUpdate();
        }
    }
}
