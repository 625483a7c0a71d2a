package passcom.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.jetty.util.Fields;
import org.junit.jupiter.api.Test;

class DecodedQueriesTest {

    private final AtomicInteger decodings = new AtomicInteger();

    @Test
    void when_a_query_comes_again_then_its_fields_are_not_decoded_again() {
        DecodedQueries queries = new DecodedQueries(8);

        Fields first = queries.of("origem=S%C3%A3o+Paulo&destino=Bel%C3%A9m", decoding("São Paulo", "Belém"));
        Fields again = queries.of("origem=S%C3%A3o+Paulo&destino=Bel%C3%A9m", decoding("São Paulo", "Belém"));

        assertThat(again.getValue("origem")).isEqualTo("São Paulo");
        assertThat(again.getValue("destino")).isEqualTo("Belém");
        assertThat(again).isSameAs(first);
        assertThat(decodings).hasValue(1);
    }

    @Test
    void when_a_query_fails_to_decode_then_it_fails_every_time() {
        DecodedQueries queries = new DecodedQueries(8);
        Supplier<Fields> broken = () -> {
            decodings.incrementAndGet();
            throw new IllegalArgumentException("not a hex digit");
        };

        assertThatThrownBy(() -> queries.of("destino=%ZZ", broken)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queries.of("destino=%ZZ", broken)).isInstanceOf(IllegalArgumentException.class);
        assertThat(decodings).hasValue(2);
    }

    @Test
    void when_a_query_is_longer_than_any_trip_then_it_is_decoded_each_time() {
        DecodedQueries queries = new DecodedQueries(8);
        String longQuery = "origem=" + "a".repeat(DecodedQueries.MAX_LENGTH) + "&destino=b";

        queries.of(longQuery, decoding("a", "b"));
        queries.of(longQuery, decoding("a", "b"));

        assertThat(decodings).hasValue(2);
    }

    @Test
    void when_more_queries_come_than_it_keeps_then_it_starts_over_and_still_answers_each() {
        DecodedQueries queries = new DecodedQueries(2);

        for (int round = 0; round < 2; round++) {
            for (int trip = 0; trip < 3; trip++) {
                assertThat(queries.of("origem=" + trip + "&destino=x", decoding(Integer.toString(trip), "x")).getValue("origem"))
                        .isEqualTo(Integer.toString(trip));
            }
        }
        assertThat(decodings.get()).isGreaterThan(3); // kept at most two at a time
    }

    private Supplier<Fields> decoding(String origem, String destino) {
        return () -> {
            decodings.incrementAndGet();
            Fields fields = new Fields();
            fields.put("origem", origem);
            fields.put("destino", destino);
            return fields;
        };
    }
}
