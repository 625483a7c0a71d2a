package passcom.server.tls;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./passcom certs}: the throwaway federation CA and one certificate per airline in a directory (see
 * {@link FederationCa}). An existing CA is reused, so clients that already trust it go on trusting it;
 * airline certificates are issued only when missing, unless {@code --renew}.
 */
@Command(name = "passcom certs", mixinStandardHelpOptions = true,
        description = "Creates a throwaway federation CA and a certificate per airline (PEM), for ./passcom --tls and Docker.",
        footer = {"%nExample: passcom certs --dir var/tls --airlines A,B,C --hosts 'localhost,127.0.0.1,airline-{airline}'"})
public final class CertsMain implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIR", description = "where the files go (default: ${DEFAULT-VALUE})")
    Path dir = Path.of("var", "tls");

    @Option(names = "--airlines", paramLabel = "A,B,C", split = ",", description = "airline ids (default: A,B,C)")
    List<String> airlines = List.of("A", "B", "C");

    @Option(names = "--hosts", paramLabel = "H,H", split = ",",
            description = "names and addresses each airline answers on; {airline} becomes its id in lower case (default: localhost,127.0.0.1)")
    List<String> hosts = List.of("localhost", "127.0.0.1");

    @Option(names = "--renew", description = "issue new airline certificates even if they exist (a rotation)")
    boolean renew;

    public static void main(String[] args) {
        System.exit(new CommandLine(new CertsMain()).execute(args));
    }

    @Override
    public Integer call() {
        FederationCa ca = FederationCa.openOrCreate(dir);
        for (String airline : airlines) {
            Path certificate = dir.resolve(airline + ".pem");
            if (!renew && certificate.toFile().isFile()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            hosts.forEach(host -> names.add(host.replace("{airline}", airline.toLowerCase(Locale.ROOT))));
            FederationCa.Issued issued = ca.issue(airline, names);
            System.out.println("passcom certs: airline " + airline + ": " + issued.certificate() + " (hosts " + names + ")");
        }
        System.out.println("passcom certs: federation CA " + ca.caFile() + " (give it to clients as PASSCOM_CA)");
        return 0;
    }
}
