package passcom.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark mains' flags, one parser for all of them (the load driver, the probes, the older drivers). */
class CommandLineTest {

    @Test
    void when_flags_come_as_pairs_with_equals_or_the_tls_switch_then_each_is_read_in_order() {
        assertThat(CommandLine.flags(new String[] {"--cities", "1000", "--load=4", "--tls", "--out", "f.md"}))
                .containsExactly(Map.entry("cities", "1000"), Map.entry("load", "4"), Map.entry("tls", "true"), Map.entry("out", "f.md"));
    }

    @Test
    void when_the_last_flag_has_no_value_then_it_is_refused_not_dropped() {
        assertThatThrownBy(() -> CommandLine.flags(new String[] {"--cities", "1000", "--runs"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--runs needs a value");
    }

    @Test
    void when_an_argument_is_not_a_flag_then_it_is_refused_by_name() {
        assertThatThrownBy(() -> CommandLine.flags(new String[] {"cities", "1000"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'cities'");
    }
}
