package passcom.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The server's log lines, set up in code through Logback's {@link Configurator} service
 * (META-INF/services), one line per event. TEXT: time, level, airline, transaction id (when the line belongs to a
 * purchase or cancellation), logger, message. JSON ({@code --log-format json}, {@link LogOutput}): one JSON object
 * per line with the same facts, the MDC (airline, txn) included, for a log shipper.
 *
 * <p>In code rather than a {@code logback.xml}: Joran's parse of that file was 13 % of a server's start-up CPU
 * (JFR, docs/PERFORMANCE.md "Start-up"). An operator's own file ({@code -Dlogback.configurationFile}) still wins:
 * this configurator then steps aside and Logback reads that file as usual.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %X{airline:-}%replace( txn=%X{txn}){' txn=$', ''} %logger{0} - %msg%n";

    /** Called by Logback once, when the first logger is asked for. */
    public LogConfigurator() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context, ServerFlags.LogFormat.TEXT);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sends every event at INFO and above to standard output in {@code format}; Jetty's and Hikari's only from WARN. */
    static void apply(LoggerContext context, ServerFlags.LogFormat format) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(format.name());
        console.setEncoder(encoder(context, format));
        console.start();
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        context.getLogger("com.zaxxer").setLevel(Level.WARN);
        // INFO: which migration ran at start-up is worth a line (an upgrade says so; FirstStartKillIT kills on it).
        context.getLogger("org.flywaydb").setLevel(Level.INFO);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, ServerFlags.LogFormat format) {
        if (format == ServerFlags.LogFormat.JSON) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithArguments(false);
            json.setWithFormattedMessage(true);
            json.setWithMessage(false);
            json.start();
            return json;
        }
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern(TEXT_PATTERN);
        text.start();
        return text;
    }
}
