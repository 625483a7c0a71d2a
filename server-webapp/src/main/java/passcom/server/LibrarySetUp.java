package passcom.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.MimeTypes;
import org.slf4j.LoggerFactory;

/**
 * Sets up two libraries' static state on a second thread while the main one parses the command line: Jackson's (its
 * default date format reaches the JDK's locale data) and Jetty's MIME tables (which reach it too). Each is a class
 * initialisation the start would pay on its main thread a moment later (the network file is read with Jackson,
 * Jetty's context builds its MIME types): about a tenth of the main thread's start-up CPU (docs/PERFORMANCE.md,
 * "Start-up and the JVM"), which a second core can take while picocli works. The JVM runs each class initialisation
 * once, whichever thread comes first, and makes the other wait for it, so the order of the two threads changes
 * nothing but the time.
 *
 * <p>SLF4J is set up first, on the calling thread: a thread that asks SLF4J for its factory while another is setting
 * it up gets a stand-in, and {@link LogOutput} must see Logback's own to switch the log format. A daemon thread: it
 * never holds the process open, e.g. after a bad flag.
 */
final class LibrarySetUp {

    private LibrarySetUp() {
    }

    static void begin() {
        LoggerFactory.getILoggerFactory();
        Thread thread = new Thread(() -> {
            new ObjectMapper();
            MimeTypes.DEFAULTS.getMimeByExtension("x.json");
        }, "library-set-up");
        thread.setDaemon(true);
        thread.start();
    }
}
