package passcom.client;

import java.util.List;
import javax.swing.SwingUtilities;
import passcom.client.api.ServerEndpoint;
import passcom.client.i18n.Messages;

/**
 * Starts the desktop client. Properties that AWT reads once are set before anything touches AWT (as the
 * FlatLaf demo does); everything else happens on the event thread.
 *
 * <p>Configuration: servers from {@code -Dpasscom.servers} or {@code PASSCOM_SERVERS}
 * ({@code "A=http://127.0.0.1:65433,B=..."}, default A, B, C on this machine); language from
 * {@code -Dpasscom.lang=en}, else the last one chosen in the menu, else Portuguese.
 */
public final class ClientMain {

    private ClientMain() {
    }

    public static void main(String[] args) {
        System.setProperty("apple.laf.useScreenMenuBar", "true");
        System.setProperty("apple.awt.application.name", "PASSCOM");
        System.setProperty("sun.java2d.uiScale.enabled", "true");
        ClientPrefs prefs = ClientPrefs.forUser();
        String language = System.getProperty("passcom.lang");
        Messages.use(Messages.localeFor(language != null ? language : prefs.language().orElse("pt")));
        List<ServerEndpoint> servers = ServerEndpoint.configured();
        SwingUtilities.invokeLater(() -> new ClientSession(servers, prefs).open());
    }
}
