package passcom.client;

import java.util.Optional;
import java.util.prefs.Preferences;

/** What the client remembers between runs ({@code java.util.prefs}): last CPF, last server, theme, language. */
public final class ClientPrefs {

    private static final String CPF = "cpf";
    private static final String SERVER = "server";
    private static final String DARK = "dark";
    private static final String LANGUAGE = "language";

    private final Preferences node;

    public ClientPrefs(Preferences node) {
        this.node = node;
    }

    public static ClientPrefs forUser() {
        return new ClientPrefs(Preferences.userNodeForPackage(ClientPrefs.class));
    }

    public String lastCpf() {
        return node.get(CPF, "");
    }

    public void rememberCpf(String cpf) {
        node.put(CPF, cpf);
    }

    public Optional<String> lastServer() {
        return Optional.ofNullable(node.get(SERVER, null));
    }

    public void rememberServer(String id) {
        node.put(SERVER, id);
    }

    public boolean dark() {
        return node.getBoolean(DARK, false);
    }

    public void rememberDark(boolean dark) {
        node.putBoolean(DARK, dark);
    }

    public Optional<String> language() {
        return Optional.ofNullable(node.get(LANGUAGE, null));
    }

    public void rememberLanguage(String language) {
        node.put(LANGUAGE, language);
    }
}
