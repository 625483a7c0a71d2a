-- Issue 11: several passengers on one booking, each with a seat per leg. Plain SQL both engines accept.
-- A booking written before this version has no rows here: it is read as one passenger, booking.cpf,
-- with the seats of booking_leg.

-- Every passenger of a booking, in order. Position 0 is booking.cpf, the one the original API shows.
CREATE TABLE booking_passenger (
    reference TEXT    NOT NULL,
    position  INTEGER NOT NULL,
    cpf       TEXT    NOT NULL,
    name      TEXT,
    PRIMARY KEY (reference, position)
);
-- /passagens_cliente finds a booking from any passenger's CPF
CREATE INDEX booking_passenger_by_cpf ON booking_passenger (cpf);

-- The seat of every passenger but the first on every leg (the first's is booking_leg.seat).
CREATE TABLE booking_seat (
    reference TEXT    NOT NULL,
    passenger INTEGER NOT NULL,  -- booking_passenger.position, 1 and up
    position  INTEGER NOT NULL,  -- the leg: booking_leg.position
    seat      INTEGER NOT NULL,
    PRIMARY KEY (reference, passenger, position)
);
