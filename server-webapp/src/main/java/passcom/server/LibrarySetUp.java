package passcom.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.http.MimeTypes;
import org.slf4j.LoggerFactory;

/**
 * Sets up three libraries' static state on a second thread while the main one parses the command line: SLF4J and
 * Logback's configuration, Jackson's (its default date format reaches the JDK's locale data) and Jetty's MIME tables
 * (which reach it too). Each is a one-time set-up the start would pay on its main thread a moment later (the first
 * log line sets up Logback, the network file is read with Jackson, Jetty's context builds its MIME types): about a
 * third of the main thread's start-up CPU (docs/PERFORMANCE.md, "Start-up and the JVM"), which a second core can take
 * while picocli works. The JVM runs each class initialisation once, whichever thread comes first, and makes the other
 * wait for it, so the order of the two threads changes nothing but the time.
 *
 * <p>One exception needs a wait: a thread that asks SLF4J for its factory while another is setting it up gets a
 * stand-in, and {@link LogOutput} must see Logback's own to switch the log format; so it calls {@link #awaitLogging}
 * first. (Loggers handed out meanwhile are stand-ins that SLF4J points at Logback once it is set up.) A daemon
 * thread: it never holds the process open, e.g. after a bad flag.
 */
final class LibrarySetUp {

    /** Counted down once SLF4J is set up by the thread of {@link #begin}; zero when no such thread was started. */
    private static volatile CountDownLatch logging = new CountDownLatch(0);

    private LibrarySetUp() {
    }

    static void begin() {
        CountDownLatch set = new CountDownLatch(1);
        logging = set;
        Thread thread = new Thread(() -> {
            try {
                LoggerFactory.getILoggerFactory();
            } finally {
                set.countDown();
            }
            new ObjectMapper();
            MimeTypes.DEFAULTS.getMimeByExtension("x.json");
        }, "library-set-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Returns once SLF4J is set up, if {@link #begin} set it up on its thread; at once otherwise. */
    static void awaitLogging() {
        boolean interrupted = false;
        while (true) {
            try {
                logging.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
