-- One airline's store, on SQLite (embedded default) and PostgreSQL alike: plain SQL both accept.
-- Times are epoch milliseconds. Statuses are stored by name.

-- Participant side -----------------------------------------------------------------------------

-- One row per segment this airline flies: its seats as counters, so that creating a network costs
-- O(segments) and a route search reads availability in O(segments), whatever the capacity.
-- Seat numbers 1..next_number-1 have been handed out at least once; those given back since are in free_seat.
CREATE TABLE segment_stock (
    origin      TEXT    NOT NULL,
    destination TEXT    NOT NULL,
    capacity    INTEGER NOT NULL,
    next_number INTEGER NOT NULL,
    held        INTEGER NOT NULL,
    sold        INTEGER NOT NULL,
    PRIMARY KEY (origin, destination)
);

-- Seats given back (an abort or a cancellation) below next_number: the lowest is handed out first.
CREATE TABLE free_seat (
    origin      TEXT    NOT NULL,
    destination TEXT    NOT NULL,
    number      INTEGER NOT NULL,
    PRIMARY KEY (origin, destination, number)
);

-- Only seats that are taken: HELD by a transaction still deciding, or SOLD.
CREATE TABLE seat (
    origin      TEXT    NOT NULL,
    destination TEXT    NOT NULL,
    number      INTEGER NOT NULL,
    state       TEXT    NOT NULL,  -- HELD | SOLD
    txn         TEXT    NOT NULL,  -- the purchase that holds or bought it
    reference   TEXT,              -- booking reference (localizador)
    cpf         TEXT,
    cancel_txn  TEXT,              -- a cancellation preparing to give this sold seat back
    PRIMARY KEY (origin, destination, number)
);
CREATE INDEX seat_by_txn ON seat (txn);
CREATE INDEX seat_by_reference ON seat (reference);
CREATE INDEX seat_by_cancel_txn ON seat (cancel_txn);
CREATE INDEX seat_by_cpf ON seat (cpf);

CREATE TABLE participation (
    txn            TEXT   PRIMARY KEY,
    coordinator    TEXT   NOT NULL,
    kind           TEXT   NOT NULL,  -- PURCHASE | CANCELLATION
    state          TEXT   NOT NULL,  -- PREPARED | COMMITTED | ABORTED
    reference      TEXT,
    refusal        TEXT,             -- why the vote was Refused (AbortReason name), replayed to duplicates
    refusal_detail TEXT,
    prepared_at    BIGINT NOT NULL,
    next_check_at  BIGINT NOT NULL   -- when the hold resolver next asks the coordinator
);
CREATE INDEX participation_by_state ON participation (state, next_check_at);
-- a booking reference names one purchase in this store: a second purchase drawing it is refused, never merged
CREATE UNIQUE INDEX participation_purchase_reference ON participation (reference) WHERE kind = 'PURCHASE';

-- Bookings this airline coordinated or confirmed, in full.
CREATE TABLE booking (
    reference    TEXT   PRIMARY KEY,
    txn          TEXT   NOT NULL,   -- the purchase that made it: a second commit of it is a duplicate, any other a collision
    cpf          TEXT   NOT NULL,
    state        TEXT   NOT NULL,   -- ACTIVE | CANCELLED
    purchased_at BIGINT NOT NULL,
    sold_by      TEXT              -- the coordinator; it takes part in the cancellation even without a leg
);
CREATE INDEX booking_by_cpf ON booking (cpf);

CREATE TABLE booking_leg (
    reference   TEXT    NOT NULL,
    position    INTEGER NOT NULL,
    origin      TEXT    NOT NULL,
    destination TEXT    NOT NULL,
    km          INTEGER NOT NULL,
    airline     TEXT    NOT NULL,
    seat        INTEGER NOT NULL,
    price_cents BIGINT  NOT NULL,
    PRIMARY KEY (reference, position)
);

-- Coordinator side -----------------------------------------------------------------------------

CREATE TABLE txn (
    id             TEXT   PRIMARY KEY,
    request_id     TEXT   UNIQUE,
    kind           TEXT   NOT NULL,
    state          TEXT   NOT NULL,  -- STARTED | COMMITTED | ABORTED
    cpf            TEXT,
    reference      TEXT,
    participants   TEXT   NOT NULL,  -- comma-separated airline ids
    outcome        TEXT,             -- why it aborted (AbortReason name)
    outcome_detail TEXT,
    owner          TEXT,             -- the coordinator instance whose lease covers it while STARTED
    created_at     BIGINT NOT NULL
);
CREATE INDEX txn_by_state ON txn (state);
CREATE INDEX txn_by_cpf ON txn (cpf);
CREATE UNIQUE INDEX txn_purchase_reference ON txn (reference) WHERE kind = 'PURCHASE';

-- The outbox: decisions not yet acknowledged by a participant.
CREATE TABLE delivery (
    txn             TEXT    NOT NULL,
    airline         TEXT    NOT NULL,
    message         TEXT    NOT NULL,  -- COMMIT | ABORT
    attempts        INTEGER NOT NULL,
    next_attempt_at BIGINT  NOT NULL,
    PRIMARY KEY (txn, airline)
);
CREATE INDEX delivery_by_due ON delivery (next_attempt_at);

-- Coordinator instances of this airline and their leases. Several instances may share a PostgreSQL
-- store; a STARTED transaction whose owner's lease ran out is aborted by any other instance.
CREATE TABLE coordinator_lease (
    instance    TEXT   PRIMARY KEY,
    lease_until BIGINT NOT NULL
);
