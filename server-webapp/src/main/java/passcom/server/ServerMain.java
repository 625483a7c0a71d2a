package passcom.server;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command-line entry: flags, PASSCOM_* variables and the optional config file to a {@link ServerConfig}, then one
 * {@link PasscomServer} until the process is stopped (SIGTERM or Ctrl-C stop it gracefully).
 * Exit codes: 0 after --help, 2 for a bad flag, 1 when the server cannot start.
 */
public final class ServerMain {

    static final int BAD_FLAGS = 2;
    static final int CANNOT_START = 1;

    private ServerMain() {
    }

    public static void main(String[] args) {
        LibrarySetUp.begin();
        int code = run(Arrays.asList(args), System.getenv(), System.out, System.err, ServerMain::serve);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Parses, then hands the config to {@code serve}; returns the exit code for what went wrong before serving. */
    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err, Consumer<ServerConfig> serve) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(ServerConfig.usage());
            return 0;
        }
        ServerConfig config;
        try {
            ServerFlags.Parsed parsed = ServerFlags.parse(args, env);
            config = parsed.config();
            LogOutput.use(parsed.logFormat());
        } catch (BadFlag e) {
            err.println("passcom-server: " + e.getMessage());
            err.println("Run with --help to see every flag.");
            return BAD_FLAGS;
        }
        try {
            serve.accept(config);
        } catch (BadFlag e) {
            err.println("passcom-server: " + e.getMessage());
            return BAD_FLAGS;
        } catch (RuntimeException e) {
            err.println("passcom-server: " + e.getMessage());
            return CANNOT_START;
        }
        return 0;
    }

    private static void serve(ServerConfig config) {
        PasscomServer server = PasscomServer.create(config).start();
        Logger log = LoggerFactory.getLogger(ServerMain.class);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("airline {} stopping", config.airline());
            server.close();
        }, "shutdown-" + config.airline()));
    }
}
