package passcom.server;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Switches the process's log lines between text and JSON ({@code --log-format}): reloads the bundled
 * {@code logback.xml} with {@code LOG_FORMAT} set, which picks the appender. A {@code -Dlogback.configurationFile}
 * of the operator's own is left alone, and so is any SLF4J binding other than Logback (a test's).
 */
final class LogOutput {

    private static final String CONFIG = "logback.xml";

    private LogOutput() {
    }

    static void use(ServerFlags.LogFormat format) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context) || System.getProperty("logback.configurationFile") != null) {
            return;
        }
        String wanted = format.name().toUpperCase(Locale.ROOT);
        if (wanted.equals(context.getProperty("LOG_FORMAT")) || (format == ServerFlags.LogFormat.TEXT && context.getProperty("LOG_FORMAT") == null)) {
            return;
        }
        URL config = LogOutput.class.getClassLoader().getResource(CONFIG);
        if (config == null) {
            return;
        }
        context.reset();
        context.putProperty("LOG_FORMAT", wanted);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("the logging configuration " + config + " is broken: " + e.getMessage(), e);
        }
    }
}
