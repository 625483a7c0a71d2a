-- One airline's store. Times are epoch milliseconds. Plain SQL that PostgreSQL also accepts.

-- Participant side: one row per seat of every segment this airline flies.
CREATE TABLE IF NOT EXISTS seat (
    origin      VARCHAR(120) NOT NULL,
    destination VARCHAR(120) NOT NULL,
    number      INT          NOT NULL,
    state       VARCHAR(4)   NOT NULL,  -- FREE | HELD | SOLD
    txn         VARCHAR(64),            -- the purchase that holds or sold it
    reference   VARCHAR(6),             -- booking reference (localizador)
    cpf         VARCHAR(11),
    cancel_txn  VARCHAR(64),            -- a cancellation preparing to free this sold seat
    PRIMARY KEY (origin, destination, number)
);
CREATE INDEX IF NOT EXISTS seat_by_txn ON seat (txn);
CREATE INDEX IF NOT EXISTS seat_by_reference ON seat (reference);
CREATE INDEX IF NOT EXISTS seat_by_cancel_txn ON seat (cancel_txn);
CREATE INDEX IF NOT EXISTS seat_by_cpf ON seat (cpf);
-- "the lowest free seat of a segment" (every prepare) is one index seek rather than a scan of the segment
CREATE INDEX IF NOT EXISTS seat_by_state ON seat (origin, destination, state, number);

CREATE TABLE IF NOT EXISTS participation (
    txn           VARCHAR(64)  PRIMARY KEY,
    coordinator   VARCHAR(16)  NOT NULL,
    kind          VARCHAR(12)  NOT NULL,  -- PURCHASE | CANCELLATION
    state         VARCHAR(9)   NOT NULL,  -- PREPARED | COMMITTED | ABORTED
    reference     VARCHAR(6),
    refusal       VARCHAR(500),           -- why the vote was Refused, replayed to duplicates
    prepared_at   BIGINT       NOT NULL,
    next_check_at BIGINT       NOT NULL   -- when the hold resolver next asks the coordinator
);
CREATE INDEX IF NOT EXISTS participation_by_state ON participation (state, next_check_at);

-- Bookings this airline coordinated or confirmed, in full.
CREATE TABLE IF NOT EXISTS booking (
    reference    VARCHAR(6)  PRIMARY KEY,
    cpf          VARCHAR(11) NOT NULL,
    state        VARCHAR(9)  NOT NULL,   -- ACTIVE | CANCELLED
    purchased_at BIGINT      NOT NULL
);
CREATE INDEX IF NOT EXISTS booking_by_cpf ON booking (cpf);
-- the airline that coordinated the purchase; it takes part in the cancellation even without a leg
ALTER TABLE booking ADD COLUMN IF NOT EXISTS sold_by VARCHAR(16);

CREATE TABLE IF NOT EXISTS booking_leg (
    reference   VARCHAR(6)   NOT NULL,
    position    INT          NOT NULL,
    origin      VARCHAR(120) NOT NULL,
    destination VARCHAR(120) NOT NULL,
    km          INT          NOT NULL,
    airline     VARCHAR(16)  NOT NULL,
    seat        INT          NOT NULL,
    price_cents BIGINT       NOT NULL,
    PRIMARY KEY (reference, position)
);

-- Coordinator side.
CREATE TABLE IF NOT EXISTS txn (
    id           VARCHAR(64)   PRIMARY KEY,
    request_id   VARCHAR(100)  UNIQUE,
    kind         VARCHAR(12)   NOT NULL,
    state        VARCHAR(9)    NOT NULL,  -- STARTED | COMMITTED | ABORTED
    cpf          VARCHAR(11),
    reference    VARCHAR(6),
    participants VARCHAR(1000) NOT NULL,  -- comma-separated airline ids
    outcome      VARCHAR(1000),           -- why it aborted: SOLD_OUT:<reason> | UNREACHABLE:<airline>
    created_at   BIGINT        NOT NULL
);
CREATE INDEX IF NOT EXISTS txn_by_state ON txn (state);

-- The outbox: decisions not yet acknowledged by a participant.
CREATE TABLE IF NOT EXISTS delivery (
    txn             VARCHAR(64) NOT NULL,
    airline         VARCHAR(16) NOT NULL,
    message         VARCHAR(6)  NOT NULL,  -- COMMIT | ABORT
    attempts        INT         NOT NULL,
    next_attempt_at BIGINT      NOT NULL,
    PRIMARY KEY (txn, airline)
);
CREATE INDEX IF NOT EXISTS delivery_by_due ON delivery (next_attempt_at);
