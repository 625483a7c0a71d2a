package passcom.core.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import passcom.core.booking.Booking;
import passcom.core.cpf.Cpf;
import passcom.core.route.NetworkLoader;

/** A purchase made with an account's token is listed for that account too, from any airline (issue 16). */
class BuyerLinkTest {

    private static final Cpf PASSENGER = Cpf.parse("529.982.247-25");
    private static final Cpf BUYER = Cpf.parse("111.444.777-35");
    private final FederationInMemory federation = new FederationInMemory(NetworkLoader.loadDefault(), List.of("A", "B", "C"),
            Duration.ofMillis(300));

    @AfterEach
    void close() {
        federation.close();
    }

    @Test
    void when_an_account_buys_for_someone_else_then_the_buyer_sees_the_booking_at_every_airline() {
        PurchaseOrder order = new PurchaseOrder(PASSENGER, PurchaseOrder.legs(List.of("A", "C"), List.of("Cuiabá", "Goiânia", "Belo Horizonte")), null)
                .boughtBy(BUYER);

        Booking booking = ((PurchaseOutcome.Bought) federation.node("B").purchase(order)).booking();

        assertThat(booking.buyer()).isEqualTo(BUYER);
        for (String airline : List.of("A", "B", "C")) {
            assertThat(federation.node(airline).tickets(BUYER).bookings()).extracting(Booking::reference).containsExactly(booking.reference());
            assertThat(federation.node(airline).tickets(PASSENGER).bookings()).extracting(Booking::reference).containsExactly(booking.reference());
        }
    }

    @Test
    void when_a_guest_buys_then_no_other_cpf_sees_the_booking() {
        PurchaseOrder order = new PurchaseOrder(PASSENGER, PurchaseOrder.legs(List.of("A"), List.of("Cuiabá", "Goiânia")), null);

        assertThat(federation.node("B").purchase(order)).isInstanceOf(PurchaseOutcome.Bought.class);

        assertThat(federation.node("C").tickets(BUYER).bookings()).isEmpty();
    }
}
