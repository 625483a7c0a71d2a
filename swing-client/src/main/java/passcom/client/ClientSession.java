package passcom.client;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import javax.swing.SwingUtilities;
import passcom.client.account.AccountFlow;
import passcom.client.account.AccountState;
import passcom.client.api.HealthMonitor;
import passcom.client.api.PasscomClient;
import passcom.client.api.ServerEndpoint;
import passcom.client.i18n.Messages;
import passcom.client.map.LandOutline;
import passcom.client.map.NetworkMap;

/**
 * The running client: one API client, one health monitor, the preferences and the map data. The window
 * can be rebuilt (language change) without losing them. Health and failover reports, which arrive on
 * background threads, are handed to the current window on the event thread.
 *
 * <p>The network comes from the connected server ({@link FederationNetwork}): asked for when the window
 * opens and again after a failover (the new server may run another network); until it arrives the map
 * shows land only. {@link #network()} is read and written on the event thread only.
 *
 * <p>The account ({@link AccountFlow}, {@link AccountState}) lives here too, so a logged-in customer stays
 * logged in when the window is rebuilt; its tokens are in memory only and end with the program.
 */
public final class ClientSession {

    static final long HEALTH_PERIOD_MILLIS = 3000;

    private final PasscomClient client;
    private final HealthMonitor monitor;
    private final ClientPrefs prefs;
    private final LandOutline outline = LandOutline.loadDefault();
    private final AccountFlow accounts;
    private FederationNetwork network = new FederationNetwork(NetworkMap.EMPTY, true, null);
    private MainFrame frame;

    public ClientSession(List<ServerEndpoint> servers, ClientPrefs prefs) {
        this.prefs = prefs;
        this.client = new PasscomClient(servers);
        prefs.lastServer().flatMap(id -> servers.stream().filter(s -> s.id().equals(id)).findFirst()).ifPresent(client::connectTo);
        this.monitor = new HealthMonitor(client);
        this.accounts = new AccountFlow(() -> frame, client, new AccountState(), prefs, Clock.systemUTC(), text -> {
            if (frame != null) {
                frame.showAccountNotice(text);
            }
        });
        client.addFailoverListener(failover -> SwingUtilities.invokeLater(() -> {
            if (frame != null) {
                frame.failedOver(failover);
                loadNetwork();
            }
        }));
        monitor.addListener(statuses -> SwingUtilities.invokeLater(() -> {
            if (frame != null) {
                frame.showStatus(statuses);
            }
        }));
    }

    /** Installs the remembered theme, opens the window and starts polling the servers. Event thread. */
    public MainFrame open() {
        installTheme(prefs.dark());
        frame = new MainFrame(this);
        frame.setVisible(true);
        monitor.start(HEALTH_PERIOD_MILLIS);
        loadNetwork();
        return frame;
    }

    /** Asks the connected server for its network and shows it; the window keeps working if that fails. Event thread. */
    public void loadNetwork() {
        ApiWorker.start(frame.busyIndicator(), () -> FederationNetwork.fetch(client), loaded -> {
            network = loaded;
            if (frame != null) {
                frame.showNetwork(loaded);
            }
        }, failure -> {
            if (frame != null) {
                frame.networkUnavailable(ErrorText.of(failure));
            }
        });
    }

    public MainFrame frame() {
        return frame;
    }

    public PasscomClient client() {
        return client;
    }

    /** Signing in and out; the logged-in session. Event thread. */
    public AccountFlow accounts() {
        return accounts;
    }

    public ClientPrefs prefs() {
        return prefs;
    }

    /** The network last loaded (empty until the first answer). Event thread. */
    public FederationNetwork network() {
        return network;
    }

    public LandOutline outline() {
        return outline;
    }

    public void applyTheme(boolean dark) {
        prefs.rememberDark(dark);
        installTheme(dark);
        FlatLaf.updateUI();
        if (frame != null) {
            frame.themeChanged(dark);
        }
    }

    void switchLanguage(Locale locale) {
        prefs.rememberLanguage(locale.getLanguage());
        Messages.use(locale);
        MainFrame old = frame;
        frame = new MainFrame(this);
        if (old != null) {
            frame.setBounds(old.getBounds());
            old.stopFollowing();
            old.dispose();
        }
        frame.setVisible(true);
        monitor.pollOnceLater();
    }

    private static void installTheme(boolean dark) {
        if (dark) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
    }
}
