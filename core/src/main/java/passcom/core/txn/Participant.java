package passcom.core.txn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.LinkedHashSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passcom.core.booking.BookingStore;
import passcom.core.money.Money;
import passcom.core.route.Airline;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.core.seat.SeatInventory;
import passcom.core.seat.SeatOnLeg;
import passcom.core.store.Store;

/**
 * This airline's side of every transaction that involves its seats (docs/purchase-protocol.md,
 * "Participant"). Each message is one local transaction that records the participation state together
 * with the seat change, and each is idempotent by transaction id. Never calls the network, so a peer
 * handling a message never waits on another peer.
 */
public final class Participant {

    private static final Logger LOG = LoggerFactory.getLogger(Participant.class);

    enum State { PREPARED, COMMITTED, ABORTED }

    /** How long a prepare may wait for contended seats to be decided; well under any coordinator's timeout. */
    static final Duration CONTENTION_WAIT = Duration.ofMillis(250);
    private static final Duration CONTENTION_POLL = Duration.ofMillis(15);
    /** Prepares that may wait at once: each holds a request thread, and commits must still get through. */
    private final Semaphore waiters = new Semaphore(4);

    private final String airline;
    private final RouteNetwork network;
    private final Airline me;
    private final Store store;
    private final AtomicLong conflictingDecisions = new AtomicLong();
    private final SeatInventory seats;
    private final BookingStore bookings;
    private final Clock clock;
    private final Duration staleHold;

    public Participant(RouteNetwork network, String airline, Store store, SeatInventory seats, BookingStore bookings, Clock clock, Duration staleHold) {
        this.airline = airline;
        this.network = network;
        this.me = network.airline(airline).orElseThrow();
        this.store = store;
        this.seats = seats;
        this.bookings = bookings;
        this.clock = clock;
        this.staleHold = staleHold;
    }

    /**
     * Phase one. Returns once the hold (or the refusal) is durable. A duplicate gets the first answer.
     *
     * <p>When a leg's only unsold seats are held by transactions still deciding, a few prepares at a time
     * wait here up to {@link #CONTENTION_WAIT} for those holds to be decided, outside any local transaction,
     * and try again: most such holds become sold within milliseconds, and a definite answer now saves the
     * coordinator a retry that would re-prepare every other airline too. The wait is bounded, so two
     * buyers each holding what the other needs only delay each other; their coordinators then retry.
     */
    public Vote prepare(Prepare prepare) {
        long deadline = System.nanoTime() + CONTENTION_WAIT.toNanos();
        boolean waiting = false;
        try {
            while (true) {
                boolean mayWait = prepare.kind() == TxnKind.PURCHASE && System.nanoTime() < deadline
                        && (waiting || (waiting = waiters.tryAcquire()));
                Vote vote = prepareOnce(prepare, mayWait);
                if (vote != null) {
                    return vote;
                }
                pause();
            }
        } finally {
            if (waiting) {
                waiters.release();
            }
        }
    }

    /** One try in one local transaction; null (nothing recorded) when the leg is contended and {@code mayWait}. */
    private Vote prepareOnce(Prepare prepare, boolean mayWait) {
        return store.write(connection -> {
            Optional<Recorded> recorded = recorded(connection, prepare.txnId());
            if (recorded.isPresent() && !recorded.get().coordinatedBy(prepare.coordinator())) {
                // Another airline's transaction (or its ABORT, recorded before any prepare): this is not a duplicate
                // of it, so it gets neither its seats nor its decision. Nothing is recorded; the id stays the first's.
                return new Vote.Refused(AbortReason.PRESUMED, "a transação " + prepare.txnId() + " já é coordenada pela companhia '"
                        + recorded.get().coordinator + "' na companhia " + airline + ", não pela '" + prepare.coordinator() + "'");
            }
            if (recorded.isPresent()) {
                return replay(connection, prepare, recorded.get());
            }
            if (prepare.kind() == TxnKind.PURCHASE && CoordinatorLog.referenceInUse(connection, prepare.reference(), prepare.txnId())) {
                Vote.Refused refused = new Vote.Refused(AbortReason.REFERENCE_TAKEN,
                        "o localizador " + prepare.reference() + " já está em uso na companhia " + airline);
                insert(connection, prepare, State.ABORTED, refused);
                return refused;
            }
            // Both refuse before changing anything, so a refusal needs no undo.
            Vote vote = prepare.kind() == TxnKind.PURCHASE ? hold(connection, prepare) : markForCancellation(connection, prepare);
            if (vote instanceof Vote.Refused refused) {
                if (refused.contended() && mayWait) {
                    return null;
                }
                insert(connection, prepare, State.ABORTED, refused);
            } else {
                insert(connection, prepare, State.PREPARED, null);
            }
            return vote;
        });
    }

    private static void pause() {
        try {
            Thread.sleep(CONTENTION_POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for contended seats", e);
        }
    }

    /**
     * Locks every leg's segment (PostgreSQL; in key order), checks that each leg has a free seat for every
     * passenger and that every chosen seat is free, and only then holds them: with the segments locked (or the
     * single SQLite writer running) nobody can take a seat in between, so a refusal has changed nothing and
     * every hold succeeds. On each leg the chosen seats are held first, then the lowest free ones for the
     * passengers who chose none.
     */
    private Vote hold(Connection connection, Prepare prepare) throws SQLException {
        seats.lock(connection, new LinkedHashSet<>(prepare.legs()));
        for (int i = 0; i < prepare.legs().size(); i++) {
            Vote.Refused refused = refusal(connection, prepare, i);
            if (refused != null) {
                return refused;
            }
        }
        List<Integer> held = new ArrayList<>();
        for (int i = 0; i < prepare.legs().size(); i++) {
            Segment.Key leg = prepare.legs().get(i);
            Integer[] onLeg = new Integer[prepare.passengers().size()];
            for (int p = 0; p < onLeg.length; p++) {
                Prepare.Seating passenger = prepare.passengers().get(p);
                if (passenger.seatOn(i) != Prepare.ANY_SEAT) {
                    seats.holdChosen(connection, leg, passenger.seatOn(i), prepare.txnId(), prepare.reference(), passenger.cpf().digits());
                    onLeg[p] = passenger.seatOn(i);
                }
            }
            for (int p = 0; p < onLeg.length; p++) {
                if (onLeg[p] == null) {
                    OptionalInt seat = seats.hold(connection, leg, prepare.txnId(), prepare.reference(),
                            prepare.passengers().get(p).cpf().digits());
                    onLeg[p] = seat.orElseThrow(() -> new IllegalStateException("a free seat of " + leg + " vanished under its lock"));
                }
            }
            held.addAll(List.of(onLeg));
        }
        return new Vote.Held(held, prices(prepare.legs()));
    }

    /**
     * Why leg {@code index} cannot seat the prepare's passengers now, or null when it can. Too few free seats is
     * contended while enough are merely held (they may come back), else sold out; a chosen seat sold is taken
     * for good, one held by a purchase still deciding is contended.
     */
    private Vote.Refused refusal(Connection connection, Prepare prepare, int index) throws SQLException {
        Segment.Key leg = prepare.legs().get(index);
        int wanted = prepare.passengers().size();
        SeatInventory.Stock stock = seats.stock(connection, leg).orElse(new SeatInventory.Stock(0, 0, 0));
        java.util.Set<Integer> chosen = new java.util.HashSet<>();
        for (Prepare.Seating passenger : prepare.passengers()) {
            int number = passenger.seatOn(index);
            if (number == Prepare.ANY_SEAT) {
                continue;
            }
            SeatOnLeg seat = new SeatOnLeg(airline, leg, number);
            if (number < 1 || number > stock.capacity() || !chosen.add(number)) {
                return new Vote.Refused(AbortReason.SEAT_TAKEN, "o " + seat + " não existe ou foi pedido duas vezes", seat);
            }
            SeatInventory.SeatState state = seats.stateOf(connection, leg, number);
            if (state == SeatInventory.SeatState.SOLD) {
                return new Vote.Refused(AbortReason.SEAT_TAKEN, "o " + seat + " já foi vendido; escolha outro", seat);
            }
            if (state == SeatInventory.SeatState.HELD) {
                return new Vote.Refused(AbortReason.CONTENDED, "o " + seat + " está reservado por outra compra em andamento", seat);
            }
        }
        if (stock.free() >= wanted) {
            return null;
        }
        String reason = wanted == 1
                ? "sem assento livre em " + leg + " (companhia " + airline + ")"
                : "sem " + wanted + " assentos livres em " + leg + " (companhia " + airline + "; livres: " + stock.free() + ")";
        return new Vote.Refused(stock.capacity() - stock.sold() >= wanted ? AbortReason.CONTENDED : AbortReason.SOLD_OUT, reason);
    }

    private Vote markForCancellation(Connection connection, Prepare prepare) throws SQLException {
        if (prepare.legs().isEmpty()) {
            // No leg here, only a copy of the booking (this airline coordinated the purchase): it must not
            // go on listing the booking as active once the cancellation commits.
            return bookings.isActive(connection, prepare.reference())
                    ? Vote.Held.cancellation()
                    : new Vote.Refused(AbortReason.NOT_ACTIVE, "a passagem " + prepare.reference() + " não está ativa na companhia " + airline);
        }
        int marked = seats.markForCancellation(connection, prepare.reference(), prepare.txnId(), prepare.seatsWanted());
        return marked == 0
                ? new Vote.Refused(AbortReason.NOT_ACTIVE, "a passagem " + prepare.reference() + " não está ativa na companhia "
                        + airline + " (já cancelada, em cancelamento ou ainda em processamento)")
                : Vote.Held.cancellation();
    }

    private Vote replay(Connection connection, Prepare prepare, Recorded recorded) throws SQLException {
        if (recorded.state == State.ABORTED) {
            return recorded.refusal == null
                    ? new Vote.Refused(AbortReason.PRESUMED, "transação " + prepare.txnId() + " já foi abortada")
                    : new Vote.Refused(recorded.refusal, recorded.refusalDetail);
        }
        if (prepare.kind() == TxnKind.CANCELLATION) {
            return Vote.Held.cancellation();
        }
        List<Integer> held = new ArrayList<>();
        for (Segment.Key leg : prepare.legs()) {
            for (Prepare.Seating passenger : prepare.passengers()) {
                held.add(seats.seatOf(connection, leg, prepare.txnId(), passenger.cpf().digits()).orElse(0));
            }
        }
        return new Vote.Held(held, prices(prepare.legs()));
    }

    private List<Money> prices(List<Segment.Key> legs) {
        return legs.stream()
                .map(leg -> me.pricePer100Km().forDistance(network.segment(leg.origin(), leg.destination()).orElseThrow().km()))
                .toList();
    }

    /**
     * Phase two COMMIT from {@code sender} (the airline that signed it). Idempotent.
     * @throws NotTheCoordinator {@code sender} is not the coordinator recorded at prepare; nothing changed
     * @throws ConflictingDecision this airline aborted the transaction or never prepared it: the message is
     *                             refused, never acknowledged
     */
    public void commit(Commit commit, String sender) {
        store.write(connection -> {
            applyCommit(connection, commit, sender);
            return null;
        });
    }

    /**
     * {@link #commit} on the caller's connection, so that a coordinator that is also a participant sells its
     * own seats in the same local transaction that records its decision (one durable write instead of three).
     */
    void applyCommit(Connection connection, Commit commit, String sender) throws SQLException {
        Optional<Recorded> recorded = recordedForUpdate(connection, commit.txnId());
        recorded.ifPresent(r -> requireCoordinator(r, commit.txnId(), sender));
        if (recorded.isEmpty() || recorded.get().state == State.ABORTED) {
            throw conflict("COMMIT for transaction " + commit.txnId() + ", which airline " + airline
                    + (recorded.isEmpty() ? " never prepared" : " aborted"));
        }
        if (recorded.get().state == State.COMMITTED) {
            return;
        }
        if (commit.kind() == TxnKind.PURCHASE) {
            seats.sell(connection, commit.txnId());
            bookings.save(connection, commit.booking(), commit.txnId());
        } else {
            seats.freeMarked(connection, commit.txnId());
            bookings.markCancelled(connection, commit.booking(), commit.txnId());
        }
        setState(connection, commit.txnId(), State.COMMITTED);
    }

    /**
     * Phase two ABORT from {@code sender} (the airline that signed it). Idempotent; an unknown transaction is
     * remembered as aborted, with {@code sender} as its coordinator, so a late prepare from it is refused and
     * one from another airline is not taken for a duplicate.
     * @throws NotTheCoordinator {@code sender} is not the coordinator recorded at prepare; nothing changed
     * @throws ConflictingDecision this airline committed the transaction
     */
    public void abort(String txnId, String sender) {
        store.write(connection -> {
            applyAbort(connection, txnId, sender);
            return null;
        });
    }

    /** {@link #abort} on the caller's connection (see {@link #applyCommit}). */
    void applyAbort(Connection connection, String txnId, String sender) throws SQLException {
        Optional<Recorded> recorded = recordedForUpdate(connection, txnId);
        recorded.ifPresent(r -> requireCoordinator(r, txnId, sender));
        if (recorded.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO participation (txn, coordinator, kind, state, prepared_at, next_check_at) VALUES (?, ?, 'PURCHASE', 'ABORTED', ?, 0)")) {
                insert.setString(1, txnId);
                insert.setString(2, java.util.Objects.requireNonNull(sender, "sender"));
                insert.setLong(3, clock.millis());
                insert.executeUpdate();
            }
            return;
        }
        if (recorded.get().state == State.COMMITTED) {
            throw conflict("ABORT for transaction " + txnId + ", which airline " + airline + " committed");
        }
        if (recorded.get().state == State.PREPARED) {
            seats.release(connection, txnId);
            seats.unmark(connection, txnId);
            setState(connection, txnId, State.ABORTED);
        }
    }

    /**
     * Only the coordinator recorded at prepare (or at an ABORT that came first) decides a participation. Two
     * instances of one airline share its id, so either may deliver; this airline's own coordinator reaches
     * its participant under its own id.
     */
    private void requireCoordinator(Recorded recorded, String txnId, String sender) {
        if (!recorded.coordinatedBy(sender)) {
            LOG.warn("txn {}: phase-two message from {} refused, its coordinator is {}", txnId, sender, recorded.coordinator);
            throw new NotTheCoordinator(txnId, recorded.coordinator, sender);
        }
    }

    private ConflictingDecision conflict(String message) {
        conflictingDecisions.incrementAndGet();
        LOG.error("conflicting decision refused: {}", message);
        return new ConflictingDecision(message);
    }

    /** Phase-two messages refused since start because they contradicted what this airline recorded (/saude). */
    public long conflictingDecisions() {
        return conflictingDecisions.get();
    }

    /** A hold whose decision this airline has not heard for a while: ask its coordinator. */
    public record StaleHold(String txnId, String coordinator) {
    }

    /** PREPARED participations due for a decision query, oldest first (a read: claim each with {@link #claim}). */
    public List<StaleHold> dueForDecisionQuery(int limit) {
        long now = clock.millis();
        return store.read(connection -> {
            List<StaleHold> due = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT txn, coordinator FROM participation WHERE state = 'PREPARED' AND next_check_at <= ? ORDER BY next_check_at LIMIT ?")) {
                select.setLong(1, now);
                select.setInt(2, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        due.add(new StaleHold(rows.getString(1), rows.getString(2)));
                    }
                }
            }
            return due;
        });
    }

    /**
     * Pushes one stale hold's next query back by {@code staleHold}, so one slow coordinator is not asked in a
     * tight loop and two instances do not both ask. False when another writer has the row locked right now
     * (skipped, not waited for) or it is no longer due.
     */
    public boolean claim(StaleHold hold) {
        long now = clock.millis();
        return store.write(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT txn FROM participation WHERE txn = ? AND state = 'PREPARED' AND next_check_at <= ?"
                            + store.dialect().forUpdateSkipLocked())) {
                lock.setString(1, hold.txnId());
                lock.setLong(2, now);
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE participation SET next_check_at = ? WHERE txn = ?")) {
                update.setLong(1, now + staleHold.toMillis());
                update.setString(2, hold.txnId());
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Participations still waiting for a decision. */
    public long preparedCount() {
        return store.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM participation WHERE state = 'PREPARED'");
                 ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private record Recorded(State state, String coordinator, AbortReason refusal, String refusalDetail) {

        /** Where the coordinator is {@link #UNKNOWN_COORDINATOR}, any airline: such a row is already ABORTED and stays so. */
        boolean coordinatedBy(String airline) {
            return coordinator.equals(airline) || coordinator.equals(UNKNOWN_COORDINATOR);
        }
    }

    /** What earlier versions recorded as the coordinator of an ABORT that arrived before any prepare. */
    private static final String UNKNOWN_COORDINATOR = "?";

    /**
     * The participation, locked until this transaction ends (PostgreSQL): two phase-two messages for one
     * transaction (a delivery from each of two coordinator instances, or a delivery and the hold resolver)
     * must not both see PREPARED and both move the seats and their counters.
     */
    private Optional<Recorded> recordedForUpdate(Connection connection, String txnId) throws SQLException {
        return recorded(connection, txnId, store.dialect().forUpdate());
    }

    private static Optional<Recorded> recorded(Connection connection, String txnId) throws SQLException {
        return recorded(connection, txnId, "");
    }

    private static Optional<Recorded> recorded(Connection connection, String txnId, String lock) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT state, coordinator, refusal, refusal_detail FROM participation WHERE txn = ?" + lock)) {
            select.setString(1, txnId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                String refusal = rows.getString(3);
                return Optional.of(new Recorded(State.valueOf(rows.getString(1)), rows.getString(2),
                        refusal == null ? null : AbortReason.valueOf(refusal), rows.getString(4)));
            }
        }
    }

    /**
     * Records the vote. A refusal for a reference some other purchase holds keeps no reference (the unique
     * index on purchase references must name the purchase that owns it).
     */
    private void insert(Connection connection, Prepare prepare, State state, Vote.Refused refused) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO participation (txn, coordinator, kind, state, reference, refusal, refusal_detail, prepared_at, next_check_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            long now = clock.millis();
            boolean ownsReference = refused == null || refused.why() != AbortReason.REFERENCE_TAKEN;
            insert.setString(1, prepare.txnId());
            insert.setString(2, prepare.coordinator());
            insert.setString(3, prepare.kind().name());
            insert.setString(4, state.name());
            insert.setString(5, ownsReference ? prepare.reference() : null);
            insert.setString(6, refused == null ? null : refused.why().name());
            insert.setString(7, refused == null ? null : refused.reason());
            insert.setLong(8, now);
            insert.setLong(9, now + staleHold.toMillis());
            insert.executeUpdate();
        }
    }

    private static void setState(Connection connection, String txnId, State state) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE participation SET state = ? WHERE txn = ?")) {
            update.setString(1, state.name());
            update.setString(2, txnId);
            update.executeUpdate();
        }
    }
}
