package passcom.client;

import static passcom.client.ScreenshotTool.capture;
import static passcom.client.ScreenshotTool.configuredOrFakes;
import static passcom.client.ScreenshotTool.named;
import static passcom.client.ScreenshotTool.onEdt;
import static passcom.client.ScreenshotTool.showingDialog;
import static passcom.client.ScreenshotTool.waitFor;

import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import javax.swing.AbstractButton;
import javax.swing.JDialog;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;
import passcom.api.CompraResposta;
import passcom.api.Conta;
import passcom.api.ContaDados;
import passcom.api.Erro;
import passcom.api.Json;
import passcom.api.PassagensResposta;
import passcom.api.PedidoCompra;
import passcom.api.Rota;
import passcom.api.Sessao;
import passcom.client.api.AccountSession;
import passcom.client.api.ServerEndpoint;
import passcom.client.fake.FakeAirlineServer;
import passcom.client.i18n.Messages;

/**
 * Renders the account screenshots (issue 16): "Criar conta" filled in, "Minhas passagens" of a logged-in
 * customer, "Entrar" after a wrong password, and a guest's "Buscar por localizador". Needs a display (run under
 * {@code xvfb-run}, see {@code swing-client/screenshots.sh}).
 *
 * <p>Against a real federation when {@code PASSCOM_SERVERS} names one, as the screenshots in docs/screenshots
 * were taken (use a fresh one: it creates an account for {@link #CPF} and buys two tickets); else against three
 * fake airline servers told what to answer to the account endpoints, which they do not implement: the window
 * is the same either way. Run it like screenshots.sh runs ScreenshotTool.
 *
 * <p>Argument: output directory (default {@code docs/screenshots}).
 */
public final class AccountScreenshotTool {

    private static final String CPF = "52998224725";
    private static final String NAME = "Ana Souza";
    private static final String EMAIL = "ana.souza@example.com.br";
    private static final String PASSWORD = "cavalo-correto-bateria-grampo";

    private AccountScreenshotTool() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        List<FakeAirlineServer> fakes = new ArrayList<>();
        List<ServerEndpoint> servers = configuredOrFakes(fakes);
        Messages.use(Messages.PORTUGUESE);
        ClientPrefs prefs = new ClientPrefs(Preferences.userRoot().node("passcom-account-screenshot-tool"));
        prefs.rememberDark(false);
        prefs.rememberCpf("");
        prefs.rememberServer(servers.get(0).id());
        ClientSession session = new ClientSession(servers, prefs);
        MainFrame frame = onEdt(session::open);
        onEdt(() -> frame.setSize(1360, 860));
        waitFor("health dots", frame::serverStatusKnown);

        // "Criar conta", filled in as a customer would, then sent
        if (!fakes.isEmpty()) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            answerEverywhere(fakes, "/cadastro", 201, new Conta(CPF, NAME, EMAIL, "A", now));
            answerEverywhere(fakes, "/login", 200, new Sessao("token-de-exemplo", now.plus(15, ChronoUnit.MINUTES), "renovacao-de-exemplo"));
            answerEverywhere(fakes, "/conta", 200, new ContaDados(CPF, NAME, EMAIL, "A", now, List.of(), List.of()));
        }
        SwingUtilities.invokeLater(() -> session.accounts().signUp());
        JDialog signUp = showingDialog(Messages.get("account.signUpTitle"));
        onEdt(() -> {
            ((JTextComponent) named(signUp, "signup-cpf")).setText("529.982.247-25");
            ((JTextComponent) named(signUp, "signup-name")).setText(NAME);
            ((JTextComponent) named(signUp, "signup-email")).setText(EMAIL);
            ((JTextComponent) named(signUp, "signup-password")).setText(PASSWORD);
            ((JTextComponent) named(signUp, "signup-password-again")).setText(PASSWORD);
        });
        capture(signUp.getRootPane(), out.resolve("account-signup.png"));
        SwingUtilities.invokeLater(() -> ((AbstractButton) named(signUp, "signup-submit")).doClick());
        waitFor("signed in", () -> session.accounts().state().loggedIn() && !signUp.isShowing());

        // a purchase with the account's token, then "Minhas passagens" lists the account's trips
        Rota route = session.client().search("Cuiabá", "Porto Alegre").maisBaratos().get(0);
        AccountSession account = onEdt(() -> session.accounts().state().session().orElseThrow());
        CompraResposta bought = account.call(token -> session.client().buy(new PedidoCompra(CPF, route.caminho(), UUID.randomUUID().toString()), token));
        Rota second = session.client().search("São Paulo", "Curitiba").maisBaratos().get(0);
        account.call(token -> session.client().buy(new PedidoCompra(CPF, second.caminho(), UUID.randomUUID().toString()), token));
        if (!fakes.isEmpty()) {
            // the fakes list by CPF: what they hold for the CPF is what the account's listing would be
            PassagensResposta listed = session.client().tickets(CPF);
            answerEverywhere(fakes, "/passagens_cliente", 200, listed);
        }
        onEdt(frame::showTicketsTab);
        JTable table = onEdt(() -> (JTable) named(frame.getRootPane(), "tickets"));
        waitFor("the account's tickets", () -> !frame.busyIndicator().busy() && table.getRowCount() == 2);
        capture(frame.getRootPane(), out.resolve("account-minhas-passagens.png"));

        // signed out: "Entrar" with a wrong password
        if (!fakes.isEmpty()) {
            answerEverywhere(fakes, "/logout", 204, null);
            answerEverywhere(fakes, "/login", 401, Erro.of(Erro.CPF_OU_SENHA_INVALIDOS));
        }
        onEdt(() -> ((AbstractButton) named(frame.getRootPane(), "account-sign-out")).doClick());
        waitFor("signed out", () -> !session.accounts().state().loggedIn() && !frame.busyIndicator().busy());
        SwingUtilities.invokeLater(() -> session.accounts().signIn());
        JDialog signIn = showingDialog(Messages.get("account.signInTitle"));
        onEdt(() -> {
            ((JTextComponent) named(signIn, "login-cpf")).setText("529.982.247-25");
            ((JTextComponent) named(signIn, "login-password")).setText("senha-errada-123");
            ((AbstractButton) named(signIn, "login-submit")).doClick();
        });
        waitFor("the refusal", () -> ((javax.swing.JLabel) named(signIn, "account-status")).getText().contains(Erro.CPF_OU_SENHA_INVALIDOS));
        capture(signIn.getRootPane(), out.resolve("account-login-refused.png"));
        onEdt(signIn::dispose);

        // a guest finds one booking by its localizador and a passenger's CPF
        if (!fakes.isEmpty()) {
            answerEverywhere(fakes, "/passagens_cliente", 200, new PassagensResposta(null, List.of(bought.passagem()), List.of(), null));
        }
        onEdt(() -> frame.ticketsPanel().showLookup(bought.passagem().localizador(), CPF));
        waitFor("the booking found", () -> !frame.busyIndicator().busy() && table.getRowCount() == 1);
        capture(frame.getRootPane(), out.resolve("account-buscar-por-localizador.png"));

        fakes.forEach(FakeAirlineServer::close);
        for (Window window : Window.getWindows()) {
            onEdt(window::dispose);
        }
        System.out.println("screenshots written to " + out.toAbsolutePath());
        System.exit(0);
    }

    private static void answerEverywhere(List<FakeAirlineServer> fakes, String path, int status, Object body) throws Exception {
        String text = body == null ? "" : Json.mapper().writeValueAsString(body);
        fakes.forEach(fake -> fake.respond(path, status, text));
    }
}
