package passcom.client;

import java.awt.GraphicsEnvironment;
import java.util.List;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import passcom.client.api.ServerEndpoint;
import passcom.client.api.ServerTrust;
import passcom.client.i18n.Messages;

/**
 * Starts the desktop client. Properties that AWT reads once are set before anything touches AWT (as the
 * FlatLaf demo does); everything else happens on the event thread.
 *
 * <p>Configuration: servers from {@code -Dpasscom.servers} or {@code PASSCOM_SERVERS}
 * ({@code "A=http://127.0.0.1:65433,B=..."}, default A, B, C on this machine); for https servers the
 * federation CA from {@code -Dpasscom.ca} or {@code PASSCOM_CA}, else the system's trust store; language from
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
        try {
            ServerTrust.configured(); // a PASSCOM_CA that cannot be read stops here, in words, not in a stack trace
        } catch (IllegalArgumentException e) {
            String message = "Não foi possível usar " + ServerTrust.VARIABLE + ": " + e.getMessage() + ".";
            System.err.println("passcom-cliente: " + message);
            if (!GraphicsEnvironment.isHeadless()) {
                JOptionPane.showMessageDialog(null, message, "PASSCOM", JOptionPane.ERROR_MESSAGE);
            }
            System.exit(2);
        }
        SwingUtilities.invokeLater(() -> new ClientSession(servers, prefs).open());
    }
}
