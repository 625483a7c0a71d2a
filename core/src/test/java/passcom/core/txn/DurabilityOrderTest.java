package passcom.core.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import passcom.core.cpf.Cpf;
import passcom.core.route.NetworkLoader;
import passcom.core.store.Dialect;
import passcom.core.store.Store;

/**
 * Every external effect of a purchase happens after the state it depends on is durable
 * (docs/purchase-protocol.md, "What is durable before each effect"). Each node's store is wrapped to log,
 * when a write returns, the transaction states the store then holds ("durable" when it was forced to disk,
 * "committed" when only committed: the coordinator's STARTED, under presumed abort); the links log
 * each message and answer as it happens, under the same lock. The test then reads the order off one log.
 */
class DurabilityOrderTest {

    private static final Cpf CPF = Cpf.parse("529.982.247-25");
    /** Closed after each test by JUnit (a test that never started one leaves it null, which is skipped). */
    @AutoClose
    private FederationInMemory federation;

    @Test
    void every_message_and_answer_of_a_purchase_follows_the_commit_it_depends_on() {
        federation = new FederationInMemory(NetworkLoader.loadDefault(), List.of("A", "B", "C"), Duration.ofSeconds(30),
                config -> config, RecordingStore::new);
        List<String> log = federation.events;
        log.clear();

        // A coordinates and flies the first leg; B and C fly the others.
        PurchaseOutcome outcome = federation.node("A").purchase(new PurchaseOrder(CPF, PurchaseOrder.legs(List.of("A", "B", "C"),
                List.of("Cuiabá", "Goiânia", "Belo Horizonte", "Rio de Janeiro")), null));
        log.add("bought (answer to the customer)");
        assertThat(outcome).isInstanceOf(PurchaseOutcome.Bought.class);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> log.stream().filter(e -> e.startsWith("ack")).count() == 2);

        List<String> order = List.copyOf(log);
        assertThat(order).as("the log: %s", order).isNotEmpty();
        int started = first(order, "committed A", "txn=STARTED");
        assertThat(order.get(started)).as("STARTED is committed but not forced (presumed abort): it is not in a durable write of its own")
                .isEqualTo("committed A: txn=STARTED");
        int decided = first(order, "durable A", "txn=COMMITTED");
        int answered = order.indexOf("bought (answer to the customer)");
        for (String peer : List.of("B", "C")) {
            int prepared = first(order, "durable " + peer, "participation=PREPARED");
            int committed = first(order, "durable " + peer, "participation=COMMITTED");
            assertThat(started).as("txn STARTED committed (visible, not forced) before the prepare to %s", peer).isLessThan(order.indexOf("prepare A→" + peer));
            assertThat(prepared).as("%s's hold durable before its vote", peer).isLessThan(order.indexOf("vote " + peer + "→A"));
            assertThat(decided).as("decision durable before the COMMIT to %s", peer).isLessThan(order.indexOf("commit A→" + peer));
            assertThat(committed).as("%s's commit durable before its acknowledgement", peer).isLessThan(order.indexOf("ack " + peer + "→A"));
        }
        assertThat(first(order, "durable A", "participation=COMMITTED")).as("A's own seat sold in the decision's commit").isEqualTo(decided);
        assertThat(decided).as("decision durable before the customer hears bought").isLessThan(answered);
        assertThat(order.subList(0, answered).stream().filter(e -> e.startsWith("durable ")).map(e -> e.substring(0, e.indexOf(':'))).toList())
                .as("two fsync rounds before bought: each participant's prepare (A's own leg's too), then the decision")
                .containsExactlyInAnyOrder("durable A", "durable B", "durable C", "durable A");
    }

    private static int first(List<String> order, String prefix, String containing) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).startsWith(prefix) && order.get(i).contains(containing)) {
                return i;
            }
        }
        throw new AssertionError("no '" + prefix + "' entry with " + containing + " in " + order);
    }

    /** A store that logs, after each write returned, which transaction states it holds. */
    private static final class RecordingStore implements Store {
        private final String airline;
        private final Store store;
        private final List<String> events;

        RecordingStore(String airline, Store store, List<String> events) {
            this.airline = airline;
            this.store = store;
            this.events = events;
        }

        /**
         * Under the log's monitor from the write's start until it is logged durable: the delivery thread can
         * send a COMMIT as soon as the decision commits, and CI once logged that COMMIT between the commit and
         * this entry, which read as a message before its durable state. Links log under the same monitor.
         */
        @Override
        public <T> T write(Work<T> work) {
            synchronized (events) {
                T result = store.write(work);
                events.add("durable " + airline + ": " + states());
                return result;
            }
        }

        private String states() {
            return store.read(c -> {
                List<String> states = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT 'txn=' || state FROM txn WHERE kind = 'PURCHASE' AND outcome IS NULL "
                                + "UNION ALL SELECT 'participation=' || state FROM participation");
                     ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        states.add(r.getString(1));
                    }
                }
                return String.join(",", states);
            });
        }

        /** Logged as "committed", not "durable": the store has not forced it to disk when it returns. */
        @Override
        public <T> T writeUnforced(Work<T> work) {
            synchronized (events) {
                T result = store.writeUnforced(work);
                events.add("committed " + airline + ": " + states());
                return result;
            }
        }

        @Override public <T> T read(Work<T> work) { return store.read(work); }
        @Override public Dialect dialect() { return store.dialect(); }
        @Override public Duration deadline() { return store.deadline(); }
        @Override public boolean shared() { return store.shared(); }
        @Override public void close() { store.close(); }
    }
}
