package passcom.server.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedEventsTest {

    private final List<String> events = new ArrayList<>();
    private final FeedEvents reader = new FeedEvents(data -> events.add(new String(data, StandardCharsets.UTF_8)));

    @Test
    void when_events_arrive_split_anywhere_then_each_event_data_comes_whole_and_in_order() {
        String stream = "event: retrato\ndata: {\"tipo\":\"retrato\",\"origem\":\"Cuiabá\"}\n\nevent: pulso\ndata: {\"tipo\":\"pulso\"}\n\n";
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += 7) { // pieces that cut lines and the two bytes of "á"
            reader.read(ByteBuffer.wrap(bytes, i, Math.min(7, bytes.length - i)));
        }

        assertThat(events).containsExactly("{\"tipo\":\"retrato\",\"origem\":\"Cuiabá\"}", "{\"tipo\":\"pulso\"}");
    }

    @Test
    void when_an_event_has_several_data_lines_or_crlf_endings_then_they_are_joined_by_newlines() {
        reader.read(ByteBuffer.wrap(": comment\r\ndata:a\r\ndata: b\r\nid: 7\r\n\r\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(events).containsExactly("a\nb");
    }

    @Test
    void when_an_event_is_not_yet_ended_by_a_blank_line_then_nothing_is_handed_on() {
        reader.read(ByteBuffer.wrap("data: {\"tipo\":\"pulso\"}\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(events).isEmpty();
    }
}
