package passcom.server.tls;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.Scanner;
import org.eclipse.jetty.util.component.AbstractLifeCycle;

/**
 * Watches the airline's certificate and key files with Jetty's {@link Scanner} (what Jetty's own
 * {@code KeyStoreScanner} uses for a keystore file) and calls {@link FederationTls#reload} when either
 * changes, so a renewed certificate is served without a restart. The scanner reports a file once it has
 * stopped changing between two scans, so a file being written is not read half-way; a key and certificate
 * replaced one after the other may be seen as a mismatched pair for one scan, which {@code reload} refuses,
 * keeping the old pair until the second file arrives. Scans every {@code intervalSeconds} on its own thread.
 */
public final class CertificateReloader extends AbstractLifeCycle {

    private final FederationTls tls;
    private final Scanner scanner;

    public CertificateReloader(FederationTls tls, int intervalSeconds) {
        this.tls = tls;
        this.scanner = new Scanner(null, false);
        scanner.setScanInterval(intervalSeconds);
        scanner.setScanDepth(1);
        scanner.setReportDirs(false);
        scanner.setReportExistingFilesOnStartup(false);
        List<Path> files = tls.identityFiles().stream().map(f -> f.toAbsolutePath().normalize()).toList();
        for (Path file : files) {
            scanner.addDirectory(file.getParent()).include(path -> files.contains(path.toAbsolutePath().normalize()));
        }
        scanner.addListener(new Scanner.BulkListener() {
            @Override
            public void pathsChanged(Map<Path, Scanner.Notification> changed) {
                tls.reload();
            }
        });
    }

    @Override
    protected void doStart() throws Exception {
        scanner.start();
    }

    @Override
    protected void doStop() throws Exception {
        scanner.stop();
    }
}
