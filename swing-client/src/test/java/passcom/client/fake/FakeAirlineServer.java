package passcom.client.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import passcom.api.CaminhosResposta;
import passcom.api.CancelamentoResposta;
import passcom.api.CompraResposta;
import passcom.api.Erro;
import passcom.api.Json;
import passcom.api.Passagem;
import passcom.api.PassagensResposta;
import passcom.api.PedidoCancelamento;
import passcom.api.PedidoCompra;
import passcom.api.Rota;
import passcom.api.Saude;
import passcom.api.TrechoPassagem;
import passcom.api.TrechoRota;
import passcom.client.api.ServerEndpoint;
import passcom.client.map.NetworkMap;

/**
 * A stand-in for one airline server speaking the client endpoints of issue 3, section 2, on 127.0.0.1 and
 * an ephemeral port. By default it plays a small federation by itself (routes over the real network file,
 * each leg flown by a fixed airline; purchases and cancellations kept in memory, idempotent by id_pedido),
 * which is enough for the screenshots. Tests can replace any path's answer with {@link #respond} and slow it
 * down with a delay, and read the {@link #requests()} it received.
 */
public final class FakeAirlineServer implements AutoCloseable {

    private record Canned(int status, String body, long delayMillis) {
    }

    private static final Map<String, BigDecimal> RATES =
            Map.of("A", new BigDecimal("115"), "B", new BigDecimal("135"), "C", new BigDecimal("155"));

    private final String airline;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fake-airline");
        thread.setDaemon(true);
        return thread;
    });
    private final ObjectMapper json = Json.mapper();
    private final NetworkMap network = NetworkMap.loadDefault();
    private final Map<String, Canned> canned = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, List<Passagem>> ticketsByCpf = new ConcurrentHashMap<>();
    private final Map<String, Passagem> byOrder = new ConcurrentHashMap<>();
    private int nextSeat = 1;
    private int nextReference = 0;

    private FakeAirlineServer(String airline) throws IOException {
        this.airline = airline;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeAirlineServer start(String airline) throws IOException {
        return new FakeAirlineServer(airline);
    }

    public ServerEndpoint endpoint() {
        return new ServerEndpoint(airline, URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    /** From now on {@code path} answers {@code status} with {@code body} after {@code delayMillis}. */
    public void respond(String path, int status, String body, long delayMillis) {
        canned.put(path, new Canned(status, body, delayMillis));
    }

    public void respond(String path, int status, String body) {
        respond(path, status, body, 0);
    }

    /** Back to the fake's own answers for {@code path} after {@link #respond}. */
    public void answerNormally(String path) {
        canned.remove(path);
    }

    /** "GET /caminhos_cliente?origem=..." or "POST /comprar_cliente {json}", in arrival order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** A port that refuses connections: this server's, after closing it. */
    public static ServerEndpoint closedEndpoint(String id) throws IOException {
        FakeAirlineServer doomed = start(id);
        ServerEndpoint endpoint = doomed.endpoint();
        doomed.close();
        return endpoint;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            requests.add(exchange.getRequestMethod() + " " + path + (rawQuery == null ? "" : "?" + decode(rawQuery))
                    + (body.isEmpty() ? "" : " " + body));
            Canned answer = canned.get(path);
            if (answer == null) {
                answer = play(path, query(rawQuery), body);
            }
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized Canned play(String path, Map<String, String> query, String body) throws IOException {
        return switch (path) {
            case "/saude" -> ok(new Saude(airline, Map.of(), 0, 0, byOrder.size(), 0L));
            case "/caminhos_cliente" -> routes(query.get("origem"), query.get("destino"));
            case "/comprar_cliente" -> buy(json.readValue(body, PedidoCompra.class));
            case "/passagens_cliente" -> ok(new PassagensResposta(query.get("cpf"),
                    ticketsByCpf.getOrDefault(query.get("cpf"), List.of()), List.of(), List.of()));
            case "/cancelar_cliente" -> cancel(json.readValue(body, PedidoCancelamento.class));
            default -> error(404, "caminho desconhecido: " + path);
        };
    }

    private Canned routes(String origem, String destino) throws IOException {
        if (origem == null || destino == null || network.at(origem) == null || network.at(destino) == null) {
            return error(400, "cidade desconhecida");
        }
        if (origem.equals(destino)) {
            return error(400, "origem e destino são a mesma cidade");
        }
        List<Rota> all = new ArrayList<>();
        List<String> path = new ArrayList<>(List.of(origem));
        paths(path, destino, all);
        List<Rota> shortest = all.stream().sorted(Comparator.comparingInt(Rota::distanciaKm)).limit(10).toList();
        List<Rota> cheapest = all.stream().sorted(Comparator.comparing(Rota::preco)).limit(10).toList();
        return ok(new CaminhosResposta(origem, destino, airline, List.of(), shortest, cheapest, List.of()));
    }

    /** Every simple path of at most six legs, depth first. */
    private void paths(List<String> path, String destino, List<Rota> found) {
        String last = path.get(path.size() - 1);
        if (last.equals(destino)) {
            found.add(route(path));
            return;
        }
        if (path.size() > 6) {
            return;
        }
        for (NetworkMap.Segment segment : network.segments()) {
            String next = segment.from().equals(last) ? segment.to() : segment.to().equals(last) ? segment.from() : null;
            if (next != null && !path.contains(next)) {
                path.add(next);
                paths(path, destino, found);
                path.remove(path.size() - 1);
            }
        }
    }

    private Rota route(List<String> cities) {
        List<TrechoRota> legs = new ArrayList<>();
        for (int i = 0; i + 1 < cities.size(); i++) {
            String from = cities.get(i);
            String to = cities.get(i + 1);
            int km = km(from, to);
            String flier = flier(from, to);
            legs.add(new TrechoRota(from, to, flier, km, price(flier, km)));
        }
        return new Rota(List.of(legs.stream().map(TrechoRota::companhia).toList(), List.copyOf(cities)), legs,
                legs.stream().mapToInt(TrechoRota::distanciaKm).sum(),
                legs.stream().map(TrechoRota::preco).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** A fixed airline per city pair, so that itineraries mix airlines as the federation's do. */
    private static String flier(String from, String to) {
        return List.of("A", "B", "C").get(Math.floorMod((from.compareTo(to) < 0 ? from + to : to + from).hashCode(), 3));
    }

    private int km(String from, String to) {
        return network.segments().stream()
                .filter(s -> s.from().equals(from) && s.to().equals(to) || s.from().equals(to) && s.to().equals(from))
                .findFirst().orElseThrow().km();
    }

    private static BigDecimal price(String airline, int km) {
        return RATES.getOrDefault(airline, new BigDecimal("100")).multiply(BigDecimal.valueOf(km))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN);
    }

    private Canned buy(PedidoCompra pedido) throws IOException {
        if (pedido.idPedido() != null && byOrder.containsKey(pedido.idPedido())) {
            return ok(new CompraResposta(CompraResposta.SUCESSO, byOrder.get(pedido.idPedido())));
        }
        List<String> airlines = pedido.caminho().get(0);
        List<String> cities = pedido.caminho().get(1);
        List<TrechoPassagem> legs = new ArrayList<>();
        for (int i = 0; i + 1 < cities.size(); i++) {
            int km = km(cities.get(i), cities.get(i + 1));
            legs.add(new TrechoPassagem(cities.get(i), cities.get(i + 1), airlines.get(i), nextSeat++, km, price(airlines.get(i), km)));
        }
        String reference = String.format("PC%04d", 1000 + nextReference++).substring(0, 6);
        Passagem ticket = new Passagem(reference, pedido.cpf(), legs, legs.stream().mapToInt(TrechoPassagem::distanciaKm).sum(),
                legs.stream().map(TrechoPassagem::preco).reduce(BigDecimal.ZERO, BigDecimal::add), Instant.now(), "A");
        ticketsByCpf.computeIfAbsent(pedido.cpf(), cpf -> new CopyOnWriteArrayList<>()).add(ticket);
        if (pedido.idPedido() != null) {
            byOrder.put(pedido.idPedido(), ticket);
        }
        return ok(new CompraResposta(CompraResposta.SUCESSO, ticket));
    }

    private Canned cancel(PedidoCancelamento pedido) throws IOException {
        List<Passagem> tickets = ticketsByCpf.getOrDefault(pedido.cpf(), List.of());
        for (Passagem ticket : tickets) {
            if (ticket.localizador().equals(pedido.localizador())) {
                tickets.remove(ticket);
                return ok(new CancelamentoResposta(CancelamentoResposta.SUCESSO, ticket));
            }
        }
        return error(404, "nenhuma passagem " + pedido.localizador() + " para este CPF");
    }

    private Canned ok(Object answer) throws IOException {
        return new Canned(200, json.writeValueAsString(answer), 0);
    }

    private Canned error(int status, String message) throws IOException {
        return new Canned(status, json.writeValueAsString(Erro.of(message)), 0);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The distinct paths of the requests received, for assertions about where calls went. */
    public List<String> pathsRequested() {
        return new ArrayList<>(new LinkedHashSet<>(requests.stream().map(r -> r.split("[ ?]")[1]).toList()));
    }
}
