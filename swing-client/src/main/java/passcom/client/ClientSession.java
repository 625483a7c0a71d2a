package passcom.client;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.util.List;
import java.util.Locale;
import javax.swing.SwingUtilities;
import passcom.client.api.HealthMonitor;
import passcom.client.api.PasscomClient;
import passcom.client.api.ServerEndpoint;
import passcom.client.i18n.Messages;
import passcom.client.map.BrazilOutline;
import passcom.client.map.NetworkMap;

/**
 * The running client: one API client, one health monitor, the preferences and the map data. The window
 * can be rebuilt (language change) without losing them. Health and failover reports, which arrive on
 * background threads, are handed to the current window on the event thread.
 */
public final class ClientSession {

    static final long HEALTH_PERIOD_MILLIS = 3000;

    private final PasscomClient client;
    private final HealthMonitor monitor;
    private final ClientPrefs prefs;
    private final NetworkMap network = NetworkMap.loadDefault();
    private final BrazilOutline outline = BrazilOutline.loadDefault();
    private MainFrame frame;

    public ClientSession(List<ServerEndpoint> servers, ClientPrefs prefs) {
        this.prefs = prefs;
        this.client = new PasscomClient(servers);
        prefs.lastServer().flatMap(id -> servers.stream().filter(s -> s.id().equals(id)).findFirst()).ifPresent(client::connectTo);
        this.monitor = new HealthMonitor(client);
        client.addFailoverListener(failover -> SwingUtilities.invokeLater(() -> {
            if (frame != null) {
                frame.failedOver(failover);
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
        return frame;
    }

    public MainFrame frame() {
        return frame;
    }

    public PasscomClient client() {
        return client;
    }

    public ClientPrefs prefs() {
        return prefs;
    }

    public NetworkMap network() {
        return network;
    }

    public BrazilOutline outline() {
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
