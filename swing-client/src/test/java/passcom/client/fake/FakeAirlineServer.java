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
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import passcom.api.Assento;
import passcom.api.CancelamentoResposta;
import passcom.api.CompraResposta;
import passcom.api.CpfCheck;
import passcom.api.Codigo;
import passcom.api.Erro;
import passcom.api.Json;
import passcom.api.MapaAssentos;
import passcom.api.OrderCheck;
import passcom.api.Passageiro;
import passcom.api.Passagem;
import passcom.api.PassagensResposta;
import passcom.api.PedidoCancelamento;
import passcom.api.PedidoCompra;
import passcom.api.Saude;
import passcom.api.TrechoAssento;
import passcom.api.TrechoPassagem;
import passcom.client.api.ServerEndpoint;

/**
 * A stand-in for one airline server speaking the client endpoints (issue 3, section 2, and issue 11: seat
 * maps, several passengers, {@code /rede}) on 127.0.0.1 and an ephemeral port. By default it plays a small
 * federation by itself over the real network file ({@link FakeNetwork}): routes, purchases with chosen or
 * lowest-free seats per passenger and leg (all or nothing; a chosen seat already taken is a 409 naming it),
 * bookings found from any passenger's CPF or by localizador and CPF, cancellations, all in memory and
 * idempotent by id_pedido. No accounts: a test that needs them answers them with {@link #respond}, or uses
 * the real servers (integration-tests). That is enough for the screenshots and the client's tests. Tests can
 * replace any path's answer with
 * {@link #respond} and slow it down with a delay, and read the {@link #requests()} it received.
 */
public final class FakeAirlineServer implements AutoCloseable {

    private record Canned(int status, String body, long delayMillis) {
    }

    /** Enough seats for a seat map that looks like one; the real default network has 3 per leg and airline. */
    public static final int DEFAULT_CAPACITY = 24;
    private static final int MAX_PASSENGERS = OrderCheck.MAX_PASSENGERS;

    private final String airline;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fake-airline");
        thread.setDaemon(true);
        return thread;
    });
    private final ObjectMapper json = Json.mapper();
    private final FakeNetwork network;
    private final FakeRoutes routes;
    private final Map<String, Canned> canned = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    // guarded by this (play is synchronized)
    private final Map<String, Set<Integer>> takenByLeg = new HashMap<>();
    private final List<Passagem> bookings = new ArrayList<>();
    private final Map<String, Passagem> byOrder = new HashMap<>();
    private int capacity = DEFAULT_CAPACITY;
    private int nextReference = 0;

    private FakeAirlineServer(String airline, FakeNetwork network) throws IOException {
        this.airline = airline;
        this.network = network;
        this.routes = new FakeRoutes(network);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** An airline over the default network (data/network.json). */
    public static FakeAirlineServer start(String airline) throws IOException {
        return new FakeAirlineServer(airline, FakeNetwork.loadDefault());
    }

    /** An airline over the network in {@code networkFile} (the servers' format), e.g. a generated 1,000-city one. */
    public static FakeAirlineServer start(String airline, Path networkFile) throws IOException {
        return new FakeAirlineServer(airline, FakeNetwork.load(networkFile));
    }

    public ServerEndpoint endpoint() {
        return new ServerEndpoint(airline, URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    /** Seats per leg and airline from now on (legs already sold keep their seats). */
    public synchronized void setCapacity(int seats) {
        this.capacity = seats;
    }

    /** Marks {@code seat} taken on the leg, as another customer's purchase would. */
    public synchronized void take(String from, String to, String legAirline, int seat) {
        takenByLeg.computeIfAbsent(leg(from, to, legAirline), k -> new TreeSet<>()).add(seat);
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
                Thread.sleep(answer.delayMillis()); // the slow airline the test asked for, not a wait
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
            case "/rede" -> ok(network.rede());
            case "/caminhos_cliente" -> searchRoutes(query.get("origem"), query.get("destino"));
            case "/assentos_cliente" -> seatMap(query.get("origem"), query.get("destino"), query.get("companhia"));
            case "/comprar_cliente" -> buy(json.readValue(body, PedidoCompra.class));
            case "/passagens_cliente" -> tickets(query.get("cpf"), query.get("localizador"));
            case "/cancelar_cliente" -> cancel(json.readValue(body, PedidoCancelamento.class));
            default -> error(404, "caminho desconhecido: " + path);
        };
    }

    private Canned searchRoutes(String origem, String destino) throws IOException {
        if (!network.knows(origem) || !network.knows(destino)) {
            return error(400, "cidade desconhecida");
        }
        if (origem.equals(destino)) {
            return error(400, "origem e destino são a mesma cidade");
        }
        return ok(routes.between(origem, destino, airline));
    }

    private Canned seatMap(String origem, String destino, String companhia) throws IOException {
        if (!network.knows(origem) || !network.knows(destino) || companhia == null) {
            return error(400, "origem, destino e companhia são obrigatórios e devem existir na rede");
        }
        Set<Integer> taken = takenByLeg.getOrDefault(leg(origem, destino, companhia), Set.of());
        List<Assento> seats = new ArrayList<>();
        for (int seat = 1; seat <= capacity; seat++) {
            seats.add(new Assento(seat, !taken.contains(seat)));
        }
        return ok(new MapaAssentos(origem, destino, companhia, capacity, capacity - taken.size(), seats));
    }

    private Canned buy(PedidoCompra pedido) throws IOException {
        if (pedido.idPedido() != null && byOrder.containsKey(pedido.idPedido())) {
            return ok(new CompraResposta(CompraResposta.SUCESSO, byOrder.get(pedido.idPedido())));
        }
        if (pedido.caminho() == null || pedido.caminho().size() != 2
                || pedido.caminho().get(0).size() + 1 != pedido.caminho().get(1).size()) {
            return error(400, "caminho deve ser [[companhias], [cidades]] com uma cidade a mais que companhias");
        }
        if ((pedido.cpf() == null) == (pedido.passageiros() == null)) {
            return error(400, "informe cpf ou passageiros, não os dois");
        }
        List<Passageiro> passengers = pedido.passageiros() != null ? pedido.passageiros() : List.of(new Passageiro(pedido.cpf(), null, null));
        if (passengers.isEmpty() || passengers.size() > MAX_PASSENGERS) {
            return error(400, "uma compra leva de 1 a " + MAX_PASSENGERS + " passageiros");
        }
        List<String> airlines = pedido.caminho().get(0);
        List<String> cities = pedido.caminho().get(1);
        int legs = airlines.size();
        for (Passageiro p : passengers) {
            if (!CpfCheck.isValid(p.cpf())) {
                return error(400, "CPF inválido: " + p.cpf());
            }
            if (p.assentos() != null && p.assentos().size() != legs) {
                return error(400, "assentos deve ter um assento (ou null) por trecho: " + legs);
            }
        }
        // chosen seats first: a chosen seat taken meanwhile refuses the whole purchase, naming it
        List<Set<Integer>> chosenPerLeg = new ArrayList<>();
        for (int i = 0; i < legs; i++) {
            Set<Integer> taken = takenByLeg.getOrDefault(leg(cities.get(i), cities.get(i + 1), airlines.get(i)), Set.of());
            Set<Integer> chosen = new TreeSet<>();
            for (Passageiro p : passengers) {
                Integer seat = p.assentos() == null ? null : p.assentos().get(i);
                if (seat == null) {
                    continue;
                }
                if (seat < 1 || seat > capacity) {
                    return error(400, "assento " + seat + " não existe em " + cities.get(i) + " → " + cities.get(i + 1));
                }
                if (!chosen.add(seat)) {
                    return error(400, "o assento " + seat + " foi escolhido para dois passageiros em " + cities.get(i) + " → " + cities.get(i + 1));
                }
                if (taken.contains(seat)) {
                    TrechoAssento where = new TrechoAssento(cities.get(i), cities.get(i + 1), airlines.get(i), seat);
                    return new Canned(409, json.writeValueAsString(new Erro(Codigo.ASSENTO_OCUPADO.name(), Erro.ASSENTO_INDISPONIVEL,
                            "O assento " + seat + " de " + cities.get(i) + " → " + cities.get(i + 1) + " (companhia " + airlines.get(i)
                                    + ") acabou de ser ocupado. Nada foi comprado.", null, where)), 0);
                }
            }
            if (capacity - taken.size() < passengers.size()) {
                return new Canned(409, json.writeValueAsString(new Erro(Codigo.ESGOTADO.name(), Erro.CAMINHO_INDISPONIVEL,
                        "sem assentos para " + passengers.size() + " em " + cities.get(i) + " → " + cities.get(i + 1) + " (" + airlines.get(i) + ")", null, null)), 0);
            }
            chosenPerLeg.add(chosen);
        }
        List<List<Integer>> seatsOf = new ArrayList<>();
        passengers.forEach(p -> seatsOf.add(new ArrayList<>()));
        for (int i = 0; i < legs; i++) {
            Set<Integer> taken = takenByLeg.computeIfAbsent(leg(cities.get(i), cities.get(i + 1), airlines.get(i)), k -> new TreeSet<>());
            taken.addAll(chosenPerLeg.get(i));
            for (int n = 0; n < passengers.size(); n++) {
                Integer seat = passengers.get(n).assentos() == null ? null : passengers.get(n).assentos().get(i);
                if (seat == null) {
                    seat = 1;
                    while (taken.contains(seat)) {
                        seat++;
                    }
                    taken.add(seat);
                }
                seatsOf.get(n).add(seat);
            }
        }
        List<TrechoPassagem> trechos = new ArrayList<>();
        for (int i = 0; i < legs; i++) {
            int km = network.km(cities.get(i), cities.get(i + 1));
            trechos.add(new TrechoPassagem(cities.get(i), cities.get(i + 1), airlines.get(i), seatsOf.get(0).get(i), km, price(airlines.get(i), km)));
        }
        List<Passageiro> seated = new ArrayList<>();
        for (int n = 0; n < passengers.size(); n++) {
            seated.add(new Passageiro(CpfCheck.digits(passengers.get(n).cpf()), passengers.get(n).nome(), List.copyOf(seatsOf.get(n))));
        }
        BigDecimal perPassenger = trechos.stream().map(TrechoPassagem::preco).reduce(BigDecimal.ZERO, BigDecimal::add);
        String reference = String.format("PC%04d", 1000 + nextReference++).substring(0, 6);
        Passagem ticket = new Passagem(reference, seated.get(0).cpf(), trechos, trechos.stream().mapToInt(TrechoPassagem::distanciaKm).sum(),
                perPassenger.multiply(BigDecimal.valueOf(passengers.size())), Instant.now(), airline, seated);
        bookings.add(ticket);
        if (pedido.idPedido() != null) {
            byOrder.put(pedido.idPedido(), ticket);
        }
        return ok(new CompraResposta(CompraResposta.SUCESSO, ticket));
    }

    /** By CPF, or (issue 16) the one booking of a localizador that the CPF is a passenger of, else 404. */
    private Canned tickets(String cpf, String localizador) throws IOException {
        List<Passagem> found = bookingsOf(cpf);
        if (localizador == null) {
            return ok(new PassagensResposta(cpf, found, List.of(), List.of()));
        }
        List<Passagem> one = found.stream().filter(b -> b.localizador().equalsIgnoreCase(localizador.strip())).toList();
        return one.isEmpty() ? error(404, Erro.RESERVA_NAO_ENCONTRADA) : ok(new PassagensResposta(null, one, List.of(), null));
    }

    private List<Passagem> bookingsOf(String cpf) {
        String digits = CpfCheck.digits(cpf);
        return bookings.stream().filter(b -> b.passageiros().stream().anyMatch(p -> p.cpf().equals(digits))).toList();
    }

    private Canned cancel(PedidoCancelamento pedido) throws IOException {
        for (Passagem ticket : bookingsOf(pedido.cpf())) {
            if (ticket.localizador().equals(pedido.localizador())) {
                bookings.remove(ticket);
                for (int i = 0; i < ticket.trechos().size(); i++) {
                    TrechoPassagem t = ticket.trechos().get(i);
                    Set<Integer> taken = takenByLeg.get(leg(t.origem(), t.destino(), t.companhia()));
                    for (Passageiro p : ticket.passageiros()) {
                        taken.remove(p.assentos().get(i));
                    }
                }
                return ok(new CancelamentoResposta(CancelamentoResposta.SUCESSO, ticket));
            }
        }
        return error(404, "nenhuma passagem " + pedido.localizador() + " para este CPF");
    }

    private static String leg(String from, String to, String legAirline) {
        return from + "|" + to + "|" + legAirline;
    }

    static BigDecimal price(String airline, int km) {
        return FakeNetwork.rate(airline).multiply(BigDecimal.valueOf(km)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN);
    }

    private Canned ok(Object answer) throws IOException {
        return new Canned(200, json.writeValueAsString(answer), 0);
    }

    private Canned error(int status, String message) throws IOException {
        return new Canned(status, json.writeValueAsString(Erro.of(Codigo.forStatus(status), message)), 0);
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
