package passcom.server;

import ch.qos.logback.classic.LoggerContext;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Switches the process's log lines between text and JSON ({@code --log-format}): sets Logback up anew through
 * {@link LogConfigurator} in that format, and records it as the context's {@code LOG_FORMAT}. A
 * {@code -Dlogback.configurationFile} of the operator's own is left alone, and so is any SLF4J binding other than
 * Logback (a test's).
 */
final class LogOutput {

    private LogOutput() {
    }

    static void use(ServerFlags.LogFormat format) {
        LibrarySetUp.awaitLogging();
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context) || System.getProperty("logback.configurationFile") != null) {
            return;
        }
        String wanted = format.name().toUpperCase(Locale.ROOT);
        if (wanted.equals(context.getProperty("LOG_FORMAT")) || (format == ServerFlags.LogFormat.TEXT && context.getProperty("LOG_FORMAT") == null)) {
            return;
        }
        context.reset();
        context.putProperty("LOG_FORMAT", wanted);
        LogConfigurator.apply(context, format);
    }
}
