package passcom.it.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static passcom.it.gui.WindowRobot.onEdt;

import java.awt.Component;
import java.awt.Container;
import java.awt.GraphicsEnvironment;
import java.awt.geom.Point2D;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.prefs.Preferences;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.text.JTextComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import passcom.api.CpfCheck;
import passcom.api.MapaAssentos;
import passcom.api.Passageiro;
import passcom.api.Passagem;
import passcom.api.PedidoCadastro;
import passcom.api.Rota;
import passcom.client.ClientPrefs;
import passcom.client.ClientSession;
import passcom.client.MainFrame;
import passcom.client.api.NotAuthenticated;
import passcom.client.api.PasscomClient;
import passcom.client.api.RequestRejected;
import passcom.client.api.ServerEndpoint;
import passcom.client.i18n.Messages;
import passcom.client.search.ResultTab;
import passcom.client.tickets.TicketTableModel;
import passcom.core.route.NetworkLoader;
import passcom.it.Cluster;

/**
 * The desktop client's real window, driven by {@link WindowRobot} (pointer and keyboard through the X
 * server) against a real federation of three servers in this JVM on 127.0.0.1: a customer clicks Cuiabá and
 * Porto Alegre on the map, which searches; picks the cheapest route; opens the purchase; adds a second
 * passenger, types both CPFs and a name, and chooses a seat on the first leg; confirms as a guest; sees one
 * localizador; finds the booking with both passengers in "Minhas passagens" by its localizador and a CPF; and
 * cancels it. A second customer signs in through "Entrar", buys for someone else, finds the booking in the
 * account's "Minhas passagens" and signs out. What the window shows is checked against what the servers say
 * ({@link PasscomClient}), and the seats are free again at the end.
 *
 * <p>The main window is clicked with the pointer (the map, the tabs, the tables, its buttons); the buttons of dialogs
 * are pressed and their fields focused through the component tree, since Java may not know yet where a dialog that
 * has just appeared is on the screen ({@link WindowRobot}); everything is typed with the keyboard.
 *
 * <p>Needs a display: {@code ./passcom test} runs the build under {@code scripts/with-xvfb.sh}, which also
 * sets {@code PASSCOM_GUI_TESTS=required} so that this test fails, not skips, if the display is missing.
 * Elsewhere without a display it is skipped.
 */
class DesktopWindowIT {

    private static final String CPF_1 = "52998224725";
    private static final String CPF_2 = "11144477735";
    /** Lower-case letters and spaces: what the robot types. */
    private static final String PASSWORD = "cavalo correto bateria grampo";
    private static final String[] AIRLINES = {"A", "B", "C"};

    @TempDir
    Path dir;
    private Cluster federation;
    private final List<ServerEndpoint> endpoints = new ArrayList<>();
    private Preferences prefsNode;
    private MainFrame frame;

    @BeforeEach
    void startFederation() {
        boolean headless = GraphicsEnvironment.isHeadless();
        if ("required".equals(System.getenv("PASSCOM_GUI_TESTS"))) {
            assertThat(headless).as("a display (DISPLAY=%s) for the GUI test", System.getenv("DISPLAY")).isFalse();
        }
        Assumptions.assumeFalse(headless, "no display: run under scripts/with-xvfb.sh, as ./passcom test does");
        federation = Cluster.startWithAccounts(NetworkLoader.loadDefault(), dir, AIRLINES);
        for (String airline : AIRLINES) {
            endpoints.add(new ServerEndpoint(airline, federation.uri(airline)));
        }
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (frame != null) {
            onEdt(() -> {
                frame.dispose();
                return null;
            });
        }
        if (federation != null) {
            federation.close();
        }
        if (prefsNode != null) {
            try {
                prefsNode.removeNode();
            } catch (BackingStoreException ignored) {
                // a leftover preferences node of a test is harmless
            }
        }
    }

    @Test
    @Timeout(180)
    void when_a_customer_buys_the_cheapest_route_for_two_with_a_chosen_seat_then_the_booking_is_listed_and_cancelled() throws Exception {
        PasscomClient api = new PasscomClient(endpoints);
        WindowRobot robot = new WindowRobot();
        openWindow();
        robot.waitFor("the network from /rede on the map", () -> frame.mapPanel().network().cities().size() == 10 && frame.mapPanel().isShowing());

        // choose the cities on the map: the second click searches
        robot.click(frame.mapPanel(), onEdt(() -> cityOnScreen("Cuiabá")));
        robot.click(frame.mapPanel(), onEdt(() -> cityOnScreen("Porto Alegre")));
        JTabbedPane results = robot.named("results", JTabbedPane.class);
        robot.waitFor("routes Cuiabá → Porto Alegre", () -> !frame.searchPanel().routes(ResultTab.CHEAPEST).isEmpty());

        // the cheapest route: first row of "Mais baratos"
        robot.click(results, onEdt(() -> results.getBoundsAt(1)));
        JTable cheapest = robot.named("cheapest", JTable.class);
        robot.click(cheapest, onEdt(() -> cheapest.getCellRect(0, 0, true)));
        Rota route = onEdt(() -> frame.searchPanel().selectedRoute());
        assertThat(route).isEqualTo(onEdt(() -> frame.searchPanel().routes(ResultTab.CHEAPEST).get(0)));
        assertThat(route.caminho().get(1)).startsWith("Cuiabá").endsWith("Porto Alegre");
        robot.click(robot.named("buy", JButton.class));

        // two passengers, a chosen seat on the first leg for the first one
        robot.dialog(Messages.get("purchase.title"));
        robot.named("seat-0-1", JButton.class);
        robot.press(robot.named("add-passenger", JButton.class));
        JTextComponent cpf1 = robot.named("cpf-0", JTextComponent.class);
        robot.focus(cpf1);
        robot.type(CPF_1);
        JTextComponent cpf2 = robot.named("cpf-1", JTextComponent.class);
        robot.focus(cpf2);
        robot.type(CPF_2);
        robot.focus(robot.named("name-1", JTextComponent.class));
        robot.type("ana");
        robot.waitFor("both CPFs typed", () -> CpfCheck.digits(cpf1.getText()).equals(CPF_1) && CpfCheck.digits(cpf2.getText()).equals(CPF_2));
        MapaAssentos firstLeg = api.assentos(route.trechos().get(0).origem(), route.trechos().get(0).destino(), route.trechos().get(0).companhia());
        int chosenSeat = firstLeg.assentos().stream().filter(a -> a.livre()).reduce((a, b) -> b).orElseThrow().numero();
        assertThat(chosenSeat).as("a seat other than the lowest free one, so the choice shows").isGreaterThan(1);
        robot.press(robot.named("seat-0-" + chosenSeat, JButton.class));
        robot.press(robot.named("confirm", JButton.class));

        // one localizador for both
        JDialog done = robot.dialog(Messages.get("purchase.doneTitle"));
        String localizador = onEdt(() -> localizadorIn(done));
        List<Passagem> listed = api.ticket(localizador, CPF_1).passagens();
        assertThat(listed).hasSize(1);
        Passagem booking = listed.get(0);
        assertThat(booking.passageiros()).extracting(p -> CpfCheck.digits(p.cpf())).containsExactly(CPF_1, CPF_2);
        assertThat(booking.passageiros().get(0).assentos().get(0)).isEqualTo(chosenSeat);
        assertThat(booking.passageiros().get(1).nome()).isEqualTo("ana");
        assertThat(booking.passageiros()).allSatisfy(p -> assertThat(p.assentos()).hasSameSizeAs(route.trechos()).doesNotContainNull());
        assertThat(api.ticket(localizador, CPF_2).passagens()).extracting(Passagem::localizador).containsExactly(booking.localizador());
        assertThat(onEdt(() -> text(done))).contains(booking.localizador(), "assento " + chosenSeat, "Guarde o localizador");
        robot.press(robot.inside(done, JButton.class, b -> true, "the OK button"));

        // a guest finds the family booking in "Minhas passagens" by its localizador and the second passenger's CPF
        JTabbedPane tabs = robot.named("tabs", JTabbedPane.class);
        robot.click(tabs, onEdt(() -> tabs.getBoundsAt(1)));
        JTextComponent reference = robot.named("lookup-localizador", JTextComponent.class);
        retype(robot, reference, localizador.toLowerCase(java.util.Locale.ROOT));
        JTextComponent lookupCpf = robot.named("lookup-cpf", JTextComponent.class);
        retype(robot, lookupCpf, CPF_2);
        robot.click(robot.named("lookup-find", JButton.class));
        JTable tickets = robot.named("tickets", JTable.class);
        robot.waitFor("the booking in Minhas passagens", () -> tickets.getRowCount() == 1);
        assertThat(onEdt(() -> tickets.getValueAt(0, TicketTableModel.REFERENCE))).isEqualTo(booking.localizador());
        assertThat(onEdt(() -> (String) tickets.getValueAt(0, TicketTableModel.PASSENGERS))).startsWith("2 passageiros");

        // cancel it
        robot.click(tickets, onEdt(() -> tickets.getCellRect(0, 0, true)));
        robot.click(robot.named("cancel-ticket", JButton.class));
        JDialog question = robot.dialog(Messages.get("tickets.cancelTitle"));
        robot.press(robot.inside(question, JButton.class, b -> Messages.get("tickets.cancelConfirm").equals(b.getText()), "Cancelar passagem"));
        robot.waitFor("the question closed", () -> !question.isShowing());
        JDialog cancelled = robot.dialog(Messages.get("tickets.cancelTitle"));
        assertThat(onEdt(() -> text(cancelled))).contains(booking.localizador());
        robot.press(robot.inside(cancelled, JButton.class, b -> true, "the OK button"));

        robot.waitFor("Minhas passagens empty", () -> tickets.getRowCount() == 0);
        // by now A's health check has answered (every 3 s): the bottom line says connected, as A's green dot does
        JLabel connection = robot.named("connection", JLabel.class);
        robot.waitFor("the bottom line: connected to A", () -> frame.serverStatusKnown() && connection.getText().startsWith("Conectado ao servidor A"));
        await("the booking gone for every passenger").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> !stillListed(api, localizador, CPF_1) && !stillListed(api, localizador, CPF_2));
        MapaAssentos after = api.assentos(route.trechos().get(0).origem(), route.trechos().get(0).destino(), route.trechos().get(0).companhia());
        assertThat(after.livres()).as("every seat of the booking free again").isEqualTo(firstLeg.livres());
    }

    @Test
    @Timeout(180)
    void when_a_customer_signs_in_and_buys_for_someone_else_then_minhas_passagens_lists_it_until_sign_out() throws Exception {
        PasscomClient api = new PasscomClient(endpoints);
        api.accounts().register(new PedidoCadastro(CPF_1, "Ana Souza", "ana@example.com", PASSWORD));
        WindowRobot robot = new WindowRobot();
        ClientSession session = openWindow();

        // "Entrar": CPF and password typed, the greeting shows the account's name
        robot.click(robot.named("account-sign-in", JButton.class));
        JDialog login = robot.dialog(Messages.get("account.signInTitle"));
        JTextComponent cpf = robot.named("login-cpf", JTextComponent.class);
        retype(robot, cpf, CPF_1);
        robot.focus(robot.named("login-password", JTextComponent.class));
        robot.type(PASSWORD);
        robot.press(robot.named("login-submit", JButton.class));
        robot.waitFor("signed in", () -> !login.isShowing() && session.accounts().state().loggedIn());
        JLabel greeting = robot.named("account-greeting", JLabel.class);
        assertThat(onEdt(greeting::getText)).isEqualTo("Olá, Ana Souza");

        // a purchase for another passenger through the window: the account is its buyer
        onEdt(() -> {
            frame.searchPanel().setEndpoints("São Paulo", "Curitiba");
            frame.searchPanel().search();
            return null;
        });
        robot.waitFor("routes São Paulo → Curitiba", () -> !frame.searchPanel().routes(ResultTab.SHORTEST).isEmpty());
        onEdt(() -> {
            frame.searchPanel().selectRoute(ResultTab.SHORTEST, 0);
            return null;
        });
        robot.click(robot.named("buy", JButton.class));
        robot.dialog(Messages.get("purchase.title"));
        JTextComponent passenger = robot.named("cpf-0", JTextComponent.class);
        assertThat(CpfCheck.digits(onEdt(passenger::getText))).as("the account's CPF to start with").isEqualTo(CPF_1);
        retype(robot, passenger, CPF_2);
        robot.press(robot.named("confirm", JButton.class));
        JDialog done = robot.dialog(Messages.get("purchase.doneTitle"));
        String localizador = onEdt(() -> localizadorIn(done));
        assertThat(onEdt(() -> text(done))).contains("Compra na conta do CPF 529.982.247-25");
        robot.press(robot.inside(done, JButton.class, b -> true, "the OK button"));

        // "Minhas passagens" lists it from the account, with no CPF typed
        JTabbedPane tabs = robot.named("tabs", JTabbedPane.class);
        robot.click(tabs, onEdt(() -> tabs.getBoundsAt(1)));
        JTable tickets = robot.named("tickets", JTable.class);
        robot.waitFor("the account's booking", () -> tickets.getRowCount() == 1);
        assertThat(onEdt(() -> tickets.getValueAt(0, TicketTableModel.REFERENCE))).isEqualTo(localizador);

        // "Sair": back to a guest, the account's list gone from the screen, the refresh token revoked at the home airline
        String renovacao = session.accounts().state().session().orElseThrow().current().renovacao();
        robot.click(robot.named("account-sign-out", JButton.class));
        robot.waitFor("signed out", () -> !session.accounts().state().loggedIn() && tickets.getRowCount() == 0
                && !frame.busyIndicator().busy());
        assertThat(robot.named("account-sign-in", JButton.class).isShowing()).isTrue();
        assertThatThrownBy(() -> api.accounts().renew(renovacao)).isInstanceOf(NotAuthenticated.class);
    }

    /** The window on the federation, connected to A, in Portuguese, with preferences of its own. */
    private ClientSession openWindow() throws Exception {
        prefsNode = Preferences.userRoot().node("passcom-desktop-window-it");
        prefsNode.clear();
        ClientPrefs prefs = new ClientPrefs(prefsNode);
        prefs.rememberServer("A");
        Messages.use(Messages.PORTUGUESE);
        ClientSession session = new ClientSession(endpoints, prefs);
        frame = onEdt(session::open);
        return session;
    }

    /** Empties {@code field}, gives it the focus and types {@code text}, as a customer correcting it would. */
    private static void retype(WindowRobot robot, JTextComponent field, String text) throws Exception {
        onEdt(() -> {
            field.setText("");
            return null;
        });
        robot.focus(field);
        robot.type(text);
    }

    private static boolean stillListed(PasscomClient api, String localizador, String cpf) throws Exception {
        try {
            return !api.ticket(localizador, cpf).passagens().isEmpty();
        } catch (RequestRejected notFound) {
            return notFound.status() != 404;
        }
    }

    /** The localizador a purchase result shows in bold. Event thread. */
    private static String localizadorIn(JDialog done) {
        Matcher bold = Pattern.compile("<b>([A-Z0-9]{6})</b>").matcher(text(done, false));
        assertThat(bold.find()).as("a localizador in the purchase result").isTrue();
        return bold.group(1);
    }

    /** Where the map draws {@code city}, in the map panel's coordinates. Event thread. */
    private Point2D cityOnScreen(String city) {
        return frame.mapPanel().scene().viewport().toScreen(frame.mapPanel().network().at(city));
    }

    /** Every label's text in a dialog (a JOptionPane's message is HTML in a label), tags removed. Event thread. */
    private static String text(JDialog dialog) {
        return text(dialog, true);
    }

    private static String text(JDialog dialog, boolean plain) {
        if (!dialog.isShowing()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        collect(dialog.getContentPane(), text);
        return plain ? text.toString().replaceAll("<[^>]*>", " ") : text.toString();
    }

    private static void collect(Container root, StringBuilder text) {
        for (Component child : root.getComponents()) {
            if (child instanceof JLabel label && label.getText() != null) {
                text.append(label.getText()).append(' ');
            }
            if (child instanceof Container container) {
                collect(container, text);
            }
        }
    }
}
