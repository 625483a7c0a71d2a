package passcom.server.peer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Reads a server-sent event stream (the WHATWG HTML standard, "Server-sent events", simplified to what
 * {@link AvailabilityFeedServlet} writes): lines ending in LF; each event's {@code data:} lines, joined by LF,
 * are handed on at the blank line that ends it. Other fields are ignored. Not thread-safe: one stream, one reader.
 */
final class FeedEvents {

    private final Consumer<byte[]> data;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final ByteArrayOutputStream event = new ByteArrayOutputStream();

    /** @param data gets each event's data, as UTF-8 bytes */
    FeedEvents(Consumer<byte[]> data) {
        this.data = data;
    }

    void read(ByteBuffer content) {
        while (content.hasRemaining()) {
            byte b = content.get();
            if (b != '\n') {
                line.write(b);
                continue;
            }
            byte[] text = line.toByteArray();
            line.reset();
            int length = text.length > 0 && text[text.length - 1] == '\r' ? text.length - 1 : text.length;
            if (length == 0) {
                if (event.size() > 0) {
                    data.accept(event.toByteArray());
                    event.reset();
                }
            } else if (startsWith(text, "data:")) {
                int from = length > 5 && text[5] == ' ' ? 6 : 5;
                if (event.size() > 0) {
                    event.write('\n');
                }
                event.write(text, from, length - from);
            }
        }
    }

    private static boolean startsWith(byte[] text, String prefix) {
        if (text.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
