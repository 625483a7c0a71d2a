package passcom.it.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import passcom.api.Json;

/**
 * Every operation of a run, in the order they ended, each with its start and end (milliseconds since the run
 * began), the server asked, and its outcome; and every fault the nemeses injected. Kept in memory for the
 * {@link Checker} and written as it happens to a JSON-lines file, one object per line, so a failed run can be
 * read afterwards. Thread-safe.
 */
public final class History implements AutoCloseable {

    /** What a client learnt from one request. */
    public enum Outcome {
        /** A definite success: bought, cancelled, listed, found. */
        OK,
        /** A definite failure: nothing changed (409, 503, 4xx, connection refused). */
        FAIL,
        /** No definite answer: a timeout, a reset, a 5xx other than 503, or "still being processed". */
        UNKNOWN
    }

    /**
     * One request. {@code kind} is search, buy, cancel, lookup or (after the faults) resolve; {@code key} the
     * purchase's {@code id_pedido} or the cancelled {@code localizador}; {@code reply} the answer's JSON (or the
     * exception's text in {@code erro}).
     */
    public record Op(long id, int client, String kind, String server, String cpf, String key, List<String> airlines,
                     List<String> cities, long start, long end, Outcome outcome, int status, JsonNode reply) {
        public String reference() {
            return reply.path("passagem").path("localizador").asText("");
        }
    }

    /** A fault switched on ({@code end} -1 until it is healed, then written again). */
    public record Fault(Nemesis nemesis, String target, String variant, long start, long end) {
    }

    private final long origin = System.currentTimeMillis();
    private final AtomicLong ids = new AtomicLong();
    private final List<Op> ops = new ArrayList<>();
    private final List<Fault> faults = new ArrayList<>();
    private final Path file;
    private final BufferedWriter out;

    public History(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file() {
        return file;
    }

    /** Milliseconds since the run began. */
    public long now() {
        return System.currentTimeMillis() - origin;
    }

    public Op record(int client, String kind, String server, String cpf, String key, List<String> airlines, List<String> cities,
                     long start, Outcome outcome, int status, JsonNode reply) {
        Op op = new Op(ids.incrementAndGet(), client, kind, server, cpf, key, airlines, cities, start, now(), outcome, status, reply);
        ObjectNode line = Json.mapper().valueToTree(op);
        line.put("type", "op");
        synchronized (this) {
            ops.add(op);
            write(line);
        }
        return op;
    }

    public synchronized void fault(Fault fault) {
        faults.add(fault);
        ObjectNode line = Json.mapper().valueToTree(fault);
        line.put("type", "fault");
        write(line);
    }

    /** A free-form line (the seed, the schedule, the verdict), for whoever reads the file. */
    public synchronized void note(String kind, JsonNode body) {
        ObjectNode line = Json.mapper().createObjectNode().put("type", kind);
        line.set("body", body);
        write(line);
    }

    public synchronized List<Op> ops() {
        return List.copyOf(ops);
    }

    public synchronized List<Fault> faults() {
        return List.copyOf(faults);
    }

    private void write(JsonNode line) {
        try {
            out.write(Json.mapper().writeValueAsString(line));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the history " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
