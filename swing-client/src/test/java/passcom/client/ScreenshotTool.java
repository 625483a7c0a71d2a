package passcom.client;

import java.awt.Component;
import java.awt.Container;
import java.awt.Graphics2D;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JDialog;
import javax.swing.JRootPane;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;
import org.awaitility.Awaitility;
import passcom.api.CaminhosResposta;
import passcom.api.PedidoCompra;
import passcom.api.Rota;
import passcom.api.TrechoRota;
import passcom.client.api.PasscomClient;
import passcom.client.api.PasscomException;
import passcom.client.api.SeatsUnavailable;
import passcom.client.api.ServerEndpoint;
import passcom.client.fake.FakeAirlineServer;
import passcom.client.i18n.Messages;
import passcom.client.search.ResultTab;

/**
 * Renders the client's screenshots to PNG files: a mixed-airline itinerary on the map in the light and dark
 * themes and in English, the purchase confirmation and its result, and a booking found by its localizador in
 * "Minhas passagens". Needs a display
 * (run under {@code xvfb-run}); see {@code swing-client/screenshots.sh}.
 *
 * <p>Against a real federation when {@code PASSCOM_SERVERS} or {@code -Dpasscom.servers} is set, else
 * against three in-memory fake airline servers. On a real federation it first buys out A's and B's seats on
 * Cuiabá → Campo Grande and A's on Campo Grande → Curitiba (for a second CPF): with every seat free each
 * itinerary is all-A, and the screenshots would not show what PASSCOM is for, one ticket whose legs are sold
 * by different airlines. Now the shortest Cuiabá → Porto Alegre flies C, then B, then A (connected to A).
 * A leg that is the only way into a city (Florianópolis → Porto Alegre) must not be sold out: the
 * federation only offers segments that lie on some airline's own path to the destination. Then it buys two tickets for {@link #CPF}
 * through the window and the API. Use a fresh federation: it changes the seats for good.
 *
 * Against the fakes it also buys for a family of two with chosen seats (the seat map and the one booking
 * with everyone's seats), and, given {@code -Dscreenshot.bigNetwork=FILE}, shows the map of that network
 * (a generated 1,000-city one) served by a fake airline.
 *
 * <p>Arguments: output directory (default {@code docs/screenshots}). Properties: {@code screenshot.origin},
 * {@code screenshot.destination}, {@code screenshot.bigNetwork}.
 */
public final class ScreenshotTool {

    private static final String CPF = "52998224725";
    /** Another valid CPF: the buyer of the seats that force the mix, kept out of {@link #CPF}'s tickets. */
    private static final String FILLER_CPF = "11144477735";
    /** Bounds the buy-out loop: the default network has 3 seats per leg and airline. */
    private static final int MAX_SEATS_PER_LEG = 20;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private ScreenshotTool() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        String origin = System.getProperty("screenshot.origin", "Cuiabá");
        String destination = System.getProperty("screenshot.destination", "Porto Alegre");
        List<FakeAirlineServer> fakes = new ArrayList<>();
        List<ServerEndpoint> servers = configuredOrFakes(fakes);
        Messages.use(Messages.PORTUGUESE);
        ClientPrefs prefs = new ClientPrefs(Preferences.userRoot().node("passcom-screenshot-tool"));
        prefs.rememberDark(false);
        prefs.rememberCpf(CPF);
        prefs.rememberServer(servers.get(0).id());

        ClientSession session = new ClientSession(servers, prefs);
        if (fakes.isEmpty()) {
            sellOut(session.client(), "A", "Cuiabá", "Campo Grande");
            sellOut(session.client(), "B", "Cuiabá", "Campo Grande");
            sellOut(session.client(), "A", "Campo Grande", "Curitiba");
        }
        MainFrame frame = onEdt(session::open);
        Rota shown = searchAndSelectMixed(frame, origin, destination);
        waitFor("health dots", frame::serverStatusKnown);
        capture(frame.getRootPane(), out.resolve("main-light.png"));
        showStaleData(frame, session.client().search(origin, destination), out.resolve("search-stale-data.png"));

        onEdt(() -> session.applyTheme(true));
        capture(frame.getRootPane(), out.resolve("main-dark.png"));
        onEdt(() -> session.applyTheme(false));

        if (!fakes.isEmpty()) {
            // other customers' seats, so the seat maps show taken seats as a real one would
            takeSomeSeats(fakes.get(0), shown);
        }
        buyThroughTheWindow(frame, out.resolve("purchase-confirmation.png"), out.resolve("purchase-result.png"));
        buyForAFamily(frame, out.resolve("purchase-seats.png"), out.resolve("purchase-family-result.png"));
        if (!fakes.isEmpty()) {
            // The connected server fails in the middle of the next purchase: the client must not say "nothing bought".
            // Every fake fails it, as on a loaded machine the health monitor may have moved the client meanwhile.
            fakes.forEach(fake -> fake.respond("/comprar_cliente", 503, "{\"erro\":\"armazenamento indisponível\"}"));
            buyIntoAnUnknownOutcome(frame, out.resolve("purchase-unknown.png"));
            fakes.forEach(fake -> fake.answerNormally("/comprar_cliente"));
        }
        Rota second = mostAirlinesRoute(session.client().search("Cuiabá", "Curitiba").maisCurtos());
        String reference = session.client().buy(new PedidoCompra(CPF, second.caminho(), UUID.randomUUID().toString())).passagem().localizador();
        // a guest's way back to a booking: its localizador and a passenger's CPF (the account's list: AccountScreenshotTool)
        onEdt(() -> {
            frame.showTicketsTab();
            frame.ticketsPanel().showLookup(reference, CPF);
        });
        waitFor("tickets", () -> !frame.busyIndicator().busy());
        capture(frame.getRootPane(), out.resolve("minhas-passagens.png"));

        onEdt(() -> session.switchLanguage(Locale.ENGLISH));
        MainFrame english = onEdt(session::frame);
        waitFor("english window", english::isShowing);
        Rota shownInEnglish = searchAndSelectMixed(english, origin, destination);
        waitFor("health dots", english::serverStatusKnown);
        capture(english.getRootPane(), out.resolve("main-en.png"));
        prefs.rememberLanguage("pt");

        System.out.println("itinerary shown: " + shown.caminho() + "; in English: " + shownInEnglish.caminho());
        fakes.forEach(FakeAirlineServer::close);
        String big = System.getProperty("screenshot.bigNetwork");
        if (big != null) {
            onEdt(english::dispose);
            Messages.use(Messages.PORTUGUESE);
            bigNetworkMap(Path.of(big), prefs, out.resolve("map-1000.png"));
        }
        System.out.println("screenshots written to " + out.toAbsolutePath());
        System.exit(0);
    }

    /**
     * The same answer as if the server had planned C's paths from an image 1.4 s old (its feed late: docs/availability.md),
     * which the window points out; then the real answer again.
     */
    private static void showStaleData(MainFrame frame, CaminhosResposta answer, Path file) throws Exception {
        CaminhosResposta late = new CaminhosResposta(answer.origem(), answer.destino(), answer.servidor(), answer.companhiasIndisponiveis(),
                answer.maisCurtos(), answer.maisBaratos(), answer.caminhosEncontrados(), Map.of("A", 12L, "B", 230L, "C", 1_400L));
        onEdt(() -> frame.searchPanel().show(late));
        capture(frame.getRootPane(), file);
        onEdt(() -> frame.searchPanel().show(answer));
    }

    /** Buys {@code airline}'s seats on one leg until it answers "sold out" (409), for {@link #FILLER_CPF}. */
    private static void sellOut(PasscomClient client, String airline, String from, String to) throws InterruptedException {
        PedidoCompra seat = null;
        for (int bought = 0; bought <= MAX_SEATS_PER_LEG; bought++) {
            seat = new PedidoCompra(FILLER_CPF, List.of(List.of(airline), List.of(from, to)), UUID.randomUUID().toString());
            try {
                client.buy(seat);
            } catch (SeatsUnavailable soldOut) {
                System.out.println("sold out: " + airline + " " + from + " → " + to + " after " + bought + " seats");
                return;
            } catch (PasscomException e) {
                throw new IllegalStateException("could not buy " + airline + " " + from + " → " + to + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException(airline + " " + from + " → " + to + " never sold out after " + MAX_SEATS_PER_LEG + " seats");
    }

    /** Searches in {@code frame} and selects the "Mais curtos" row with the most airlines; returns that route. */
    private static Rota searchAndSelectMixed(MainFrame frame, String origin, String destination) throws Exception {
        onEdt(() -> {
            frame.setSize(1360, 860);
            frame.showSearchTab();
            frame.searchPanel().setEndpoints(origin, destination);
            frame.searchPanel().search();
        });
        waitFor("search", () -> !frame.busyIndicator().busy() && !frame.searchPanel().routes(ResultTab.SHORTEST).isEmpty());
        return onEdt(() -> {
            List<Rota> routes = frame.searchPanel().routes(ResultTab.SHORTEST);
            frame.searchPanel().selectRoute(ResultTab.SHORTEST, routes.indexOf(mostAirlinesRoute(routes)));
            return frame.searchPanel().selectedRoute();
        });
    }

    /** Of the first six routes, the one whose legs use the most airlines: the screenshots show an interline ticket. */
    private static Rota mostAirlinesRoute(List<Rota> routes) {
        return routes.stream().limit(6)
                .max(Comparator.comparingLong((Rota route) -> route.trechos().stream().map(TrechoRota::companhia).distinct().count())
                        .thenComparing(Comparator.comparingInt(routes::indexOf).reversed()))
                .orElseThrow();
    }

    /**
     * Clicks "Comprar…" as a customer would, captures the confirmation, confirms with the remembered CPF, and
     * captures the result (localizador and seats). Both dialogs are modal, hence the clicks via invokeLater.
     */
    private static void buyThroughTheWindow(MainFrame frame, Path confirmationFile, Path resultFile) throws Exception {
        SwingUtilities.invokeLater(() -> frame.searchPanel().buyButton().doClick());
        JDialog confirmation = showingDialog(Messages.get("purchase.title"));
        capture(confirmation.getRootPane(), confirmationFile);
        SwingUtilities.invokeLater(() -> confirmation.getRootPane().getDefaultButton().doClick());
        JDialog result = showingDialog(Messages.get("purchase.doneTitle"));
        capture(result.getRootPane(), resultFile);
        onEdt(result::dispose);
    }

    /** Marks a few seats of every leg of {@code route} taken at the fake, as other customers' purchases would. */
    private static void takeSomeSeats(FakeAirlineServer fake, Rota route) {
        for (TrechoRota leg : route.trechos()) {
            for (int seat : new int[] {2, 3, 7, 8, 9, 14, 19, 20}) {
                fake.take(leg.origem(), leg.destino(), leg.companhia(), seat);
            }
        }
    }

    /**
     * Buys the selected route for two passengers through the window: adds the second passenger, types both
     * CPFs and names, chooses seats on the first leg for both and on the second for the first passenger only
     * (the other gets the lowest free), captures the seat map, confirms, and captures the one localizador
     * with everyone's seats.
     */
    private static void buyForAFamily(MainFrame frame, Path seatsFile, Path resultFile) throws Exception {
        SwingUtilities.invokeLater(() -> frame.searchPanel().buyButton().doClick());
        JDialog dialog = showingDialog(Messages.get("purchase.title"));
        onEdt(() -> {
            ((AbstractButton) named(dialog, "add-passenger")).doClick();
            ((JTextComponent) named(dialog, "name-0")).setText("Maria Souza");
            ((JTextComponent) named(dialog, "cpf-1")).setText("111.444.777-35");
            ((JTextComponent) named(dialog, "name-1")).setText("João Souza");
        });
        int legs = onEdt(() -> frame.searchPanel().selectedRoute().trechos().size());
        waitFor("seat maps", () -> named(dialog, "seat-0-1") != null && named(dialog, "seat-" + (legs - 1) + "-1") != null);
        onEdt(() -> {
            if (legs > 1) {
                // the first passenger's seat on the second leg; the other passenger gets the lowest free one
                freeSeats(dialog, 1).get(0).doClick();
            }
            List<AbstractButton> free = freeSeats(dialog, 0);
            free.get(Math.min(4, free.size() - 2)).doClick();
            free.get(Math.min(5, free.size() - 1)).doClick();
        });
        capture(dialog.getRootPane(), seatsFile);
        SwingUtilities.invokeLater(() -> ((AbstractButton) named(dialog, "confirm")).doClick());
        JDialog result = showingDialog(Messages.get("purchase.doneTitle"));
        capture(result.getRootPane(), resultFile);
        onEdt(result::dispose);
    }

    /** The enabled (free) seat buttons of {@code leg}, by seat number. */
    private static List<AbstractButton> freeSeats(Container root, int leg) {
        List<AbstractButton> free = new ArrayList<>();
        for (int seat = 1; seat <= 500; seat++) {
            if (named(root, "seat-" + leg + "-" + seat) instanceof AbstractButton button && button.isEnabled()) {
                free.add(button);
            }
        }
        return free;
    }

    /** The component named {@code name} inside {@code root}, or null. */
    static Component named(Container root, String name) {
        for (Component child : root.getComponents()) {
            if (name.equals(child.getName())) {
                return child;
            }
            if (child instanceof Container container) {
                Component found = named(container, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The main window against a fake airline running {@code networkFile} (a generated 1,000-city network). */
    private static void bigNetworkMap(Path networkFile, ClientPrefs prefs, Path file) throws Exception {
        try (FakeAirlineServer big = FakeAirlineServer.start("A", networkFile)) {
            ClientSession session = new ClientSession(List.of(big.endpoint()), prefs);
            MainFrame frame = onEdt(session::open);
            onEdt(() -> frame.setSize(1360, 860));
            waitFor("the 1,000-city network", () -> !frame.busyIndicator().busy() && frame.mapPanel().network().cities().size() >= 1000);
            String origin = frame.mapPanel().network().byProminence().get(0);
            String destination = frame.mapPanel().network().byProminence().get(40);
            onEdt(() -> {
                frame.searchPanel().setEndpoints(origin, destination);
                frame.searchPanel().search();
            });
            waitFor("search", () -> !frame.busyIndicator().busy() && !frame.searchPanel().routes(ResultTab.SHORTEST).isEmpty());
            onEdt(() -> frame.searchPanel().selectRoute(ResultTab.SHORTEST, 0));
            capture(frame.getRootPane(), file);
        }
    }

    /** Clicks "Comprar…", confirms, and captures the "outcome unknown" question that a 5xx answer must lead to. */
    private static void buyIntoAnUnknownOutcome(MainFrame frame, Path file) throws Exception {
        SwingUtilities.invokeLater(() -> frame.searchPanel().buyButton().doClick());
        JDialog confirmation = showingDialog(Messages.get("purchase.title"));
        SwingUtilities.invokeLater(() -> confirmation.getRootPane().getDefaultButton().doClick());
        JDialog unknown = showingDialog(Messages.get("purchase.unknownTitle"));
        capture(unknown.getRootPane(), file);
        onEdt(unknown::dispose);
    }

    static JDialog showingDialog(String title) throws Exception {
        AtomicReference<JDialog> dialog = new AtomicReference<>();
        waitFor("dialog '" + title + "'", () -> {
            for (Window window : Window.getWindows()) {
                if (window instanceof JDialog d && d.isShowing() && title.equals(d.getTitle())) {
                    dialog.set(d);
                    return true;
                }
            }
            return false;
        });
        return dialog.get();
    }

    /** The federation {@code PASSCOM_SERVERS} names, else three fake airlines (added to {@code fakes}). */
    static List<ServerEndpoint> configuredOrFakes(List<FakeAirlineServer> fakes) throws IOException {
        String spec = System.getProperty("passcom.servers", System.getenv("PASSCOM_SERVERS"));
        if (spec != null && !spec.isBlank()) {
            return ServerEndpoint.parseList(spec);
        }
        for (String id : List.of("A", "B", "C")) {
            fakes.add(FakeAirlineServer.start(id));
        }
        return fakes.stream().map(FakeAirlineServer::endpoint).toList();
    }

    static void capture(JRootPane root, Path file) throws Exception {
        BufferedImage image = onEdt(() -> {
            root.getTopLevelAncestor().validate();
            BufferedImage img = new BufferedImage(root.getWidth(), root.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            root.paint(g);
            g.dispose();
            return img;
        });
        ImageIO.write(image, "png", file.toFile());
        System.out.println("wrote " + file + " (" + image.getWidth() + "x" + image.getHeight() + ")");
    }

    /** Polls {@code condition} on the event thread until it holds; fails after {@link #PATIENCE}. */
    static void waitFor(String what, BooleanSupplier condition) throws Exception {
        Awaitility.await(what).atMost(PATIENCE).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(() -> onEdt(condition::getAsBoolean));
        // one more round trip so that repaints queued by the change are done
        SwingUtilities.invokeAndWait(() -> { });
    }

    static <T> T onEdt(Supplier<T> work) throws InterruptedException, InvocationTargetException {
        AtomicReference<T> result = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> result.set(work.get()));
        return result.get();
    }

    static void onEdt(Runnable work) throws InterruptedException, InvocationTargetException {
        SwingUtilities.invokeAndWait(work);
    }
}
