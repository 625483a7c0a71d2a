package passcom.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;


/** What the benchmark mains share: their {@code --flag value} arguments, and a free local port. */
public final class CommandLine {

    private CommandLine() {
    }

    /**
     * {@code --flag value} or {@code --flag=value} pairs (and the switch {@code --tls}), keyed without the dashes,
     * in the order given. A flag without its value is an error, never silently dropped.
     */
    public static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected --flag value, got '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            if (arg.equals("--tls")) {
                flags.put("tls", "true"); // the one switch: it takes no value
            } else if (eq > 0) {
                flags.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.length) {
                flags.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
        return flags;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
