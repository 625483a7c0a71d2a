-- Issue 16: customer accounts, kept at their home airline. Plain SQL both engines accept.
-- Times are epoch milliseconds.

-- An account lives here when this airline is its home: only here is its password hash kept.
CREATE TABLE account (
    cpf           TEXT    PRIMARY KEY,
    name          TEXT    NOT NULL,
    email         TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,  -- Argon2id, PHC string format ($argon2id$v=19$m=...,t=...,p=...$salt$hash)
    created_at    BIGINT  NOT NULL,
    failed_logins INTEGER NOT NULL,  -- wrong passwords in a row since the last right one
    locked_until  BIGINT  NOT NULL   -- 0, or until when every password is refused
);

-- A cadastro under way somewhere for a CPF: while it lasts, no other airline may create an account for it
-- (docs/security.md, "One account per CPF"). A claim by this airline itself is recorded here too.
CREATE TABLE account_claim (
    cpf        TEXT   PRIMARY KEY,
    airline    TEXT   NOT NULL,
    expires_at BIGINT NOT NULL
);

-- Refresh tokens issued here, by their SHA-256 only: a stolen copy of the store cannot be replayed.
CREATE TABLE refresh_token (
    token_hash TEXT   PRIMARY KEY,
    cpf        TEXT   NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked    INTEGER NOT NULL    -- 1 once traded in (/login/renovar) or revoked (/logout, account deleted)
);
CREATE INDEX refresh_token_by_cpf ON refresh_token (cpf);

-- This airline's token signing keys (private JWKs). Every instance of the airline shares them through the store.
CREATE TABLE signing_key (
    kid        TEXT   PRIMARY KEY,
    jwk        TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);

-- Who bought a booking, when the purchase came with a token: kept by the selling airline with its copy.
CREATE TABLE booking_buyer (
    reference TEXT PRIMARY KEY,
    cpf       TEXT NOT NULL
);
CREATE INDEX booking_buyer_by_cpf ON booking_buyer (cpf);
