package passcom.client;

import java.awt.Graphics2D;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javax.imageio.ImageIO;
import javax.swing.JDialog;
import javax.swing.JRootPane;
import javax.swing.SwingUtilities;
import passcom.api.PedidoCompra;
import passcom.api.Rota;
import passcom.client.api.ServerEndpoint;
import passcom.client.fake.FakeAirlineServer;
import passcom.client.i18n.Messages;

/**
 * Renders the main window to PNG files: an itinerary on the map in the light and dark themes, the
 * purchase confirmation, and "Minhas passagens". Needs a display (run under {@code xvfb-run}); see
 * {@code swing-client/screenshots.sh}. Against a real federation when {@code PASSCOM_SERVERS} or
 * {@code -Dpasscom.servers} is set (it buys two tickets there for the CPF below!), else against three
 * in-memory fake airline servers.
 *
 * <p>Arguments: output directory (default {@code docs/screenshots}). Properties: {@code passcom.lang},
 * {@code screenshot.origin}, {@code screenshot.destination}.
 */
public final class ScreenshotTool {

    private static final String CPF = "52998224725";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private ScreenshotTool() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        String origin = System.getProperty("screenshot.origin", "Cuiabá");
        String destination = System.getProperty("screenshot.destination", "Porto Alegre");
        List<FakeAirlineServer> fakes = new ArrayList<>();
        List<ServerEndpoint> servers = configuredOrFakes(fakes);
        Messages.use(Messages.localeFor(System.getProperty("passcom.lang")));
        ClientPrefs prefs = new ClientPrefs(Preferences.userRoot().node("passcom-screenshot-tool"));
        prefs.rememberDark(false);
        prefs.rememberCpf(CPF);
        prefs.rememberServer(servers.get(0).id());

        ClientSession session = new ClientSession(servers, prefs);
        MainFrame frame = onEdt(session::open);
        onEdt(() -> {
            frame.setSize(1360, 860);
            frame.searchPanel().setEndpoints(origin, destination);
            frame.searchPanel().search();
        });
        waitFor("search", () -> !frame.busyIndicator().busy() && !frame.searchPanel().routes(0).isEmpty());
        waitFor("health dots", frame::serverStatusKnown);
        int row = onEdt(() -> mostAirlines(frame.searchPanel().routes(0)));
        Rota shown = onEdt(() -> {
            frame.searchPanel().selectRoute(0, row);
            return frame.searchPanel().selectedRoute();
        });
        capture(frame.getRootPane(), out.resolve("main-light.png"));

        onEdt(() -> session.applyTheme(true));
        capture(frame.getRootPane(), out.resolve("main-dark.png"));
        onEdt(() -> session.applyTheme(false));

        capturePurchaseDialog(frame, shown, out.resolve("purchase-confirmation.png"));

        session.client().buy(new PedidoCompra(CPF, shown.caminho(), UUID.randomUUID().toString()));
        List<Rota> cheapest = onEdt(() -> frame.searchPanel().routes(1));
        session.client().buy(new PedidoCompra(CPF, cheapest.get(0).caminho(), UUID.randomUUID().toString()));
        onEdt(() -> {
            frame.showTicketsTab();
            frame.ticketsPanel().showFor(CPF);
        });
        waitFor("tickets", () -> !frame.busyIndicator().busy());
        capture(frame.getRootPane(), out.resolve("minhas-passagens.png"));

        fakes.forEach(FakeAirlineServer::close);
        System.out.println("screenshots written to " + out.toAbsolutePath());
        System.exit(0);
    }

    private static List<ServerEndpoint> configuredOrFakes(List<FakeAirlineServer> fakes) throws IOException {
        String spec = System.getProperty("passcom.servers", System.getenv("PASSCOM_SERVERS"));
        if (spec != null && !spec.isBlank()) {
            return ServerEndpoint.parseList(spec);
        }
        for (String id : List.of("A", "B", "C")) {
            fakes.add(FakeAirlineServer.start(id));
        }
        return fakes.stream().map(FakeAirlineServer::endpoint).toList();
    }

    /** The row whose legs use the most airlines: the screenshot should show an interline itinerary. */
    private static int mostAirlines(List<Rota> routes) {
        int best = 0;
        long bestCount = 0;
        for (int i = 0; i < Math.min(routes.size(), 6); i++) {
            long count = routes.get(i).trechos().stream().map(leg -> leg.companhia()).distinct().count();
            if (count > bestCount) {
                best = i;
                bestCount = count;
            }
        }
        return best;
    }

    /** Opens the confirmation dialog (modal, so later on the event thread), captures it, closes it. */
    private static void capturePurchaseDialog(MainFrame frame, Rota route, Path file) throws Exception {
        SwingUtilities.invokeLater(() -> passcom.client.purchase.PurchaseDialog.ask(frame, route, CPF));
        AtomicReference<JDialog> dialog = new AtomicReference<>();
        waitFor("purchase dialog", () -> {
            for (Window window : Window.getWindows()) {
                if (window instanceof JDialog d && d.isShowing()) {
                    dialog.set(d);
                    return true;
                }
            }
            return false;
        });
        capture(dialog.get().getRootPane(), file);
        onEdt(() -> dialog.get().dispose());
    }

    private static void capture(JRootPane root, Path file) throws Exception {
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
    private static void waitFor(String what, BooleanSupplier condition) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        AtomicBoolean met = new AtomicBoolean();
        while (Instant.now().isBefore(deadline)) {
            SwingUtilities.invokeAndWait(() -> met.set(condition.getAsBoolean()));
            if (met.get()) {
                // one more round trip so that repaints queued by the change are done
                SwingUtilities.invokeAndWait(() -> { });
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("gave up waiting for " + what);
    }

    private static <T> T onEdt(Supplier<T> work) throws InterruptedException, InvocationTargetException {
        AtomicReference<T> result = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> result.set(work.get()));
        return result.get();
    }

    private static void onEdt(Runnable work) throws InterruptedException, InvocationTargetException {
        SwingUtilities.invokeAndWait(work);
    }
}
