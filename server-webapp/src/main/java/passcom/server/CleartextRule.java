package passcom.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Nothing in clear text between machines (issue 17): plain HTTP is allowed only where it cannot leave this
 * machine. Decided from the configuration alone, before anything binds, so a refusal costs nothing:
 * <ul>
 *   <li>without TLS, the server may listen only on a loopback address, and call peers only on loopback;
 *   <li>with TLS, every peer must be called over https (mutual TLS needs both sides);
 *   <li>an https peer needs this server's own certificate, which it presents as its client certificate.
 * </ul>
 * {@code --inseguro} lifts the first two, for a lab behind a TLS-terminating proxy, with a warning per
 * exposure. Host names are judged by their text, never resolved: only {@code localhost}, {@code 127.x.x.x} and
 * {@code ::1} count as loopback, so the answer does not depend on DNS at start.
 */
final class CleartextRule {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private CleartextRule() {
    }

    /**
     * @return the warnings to log (only with {@code --inseguro})
     * @throws BadFlag saying what is exposed and what to do
     */
    static List<String> check(ServerConfig config) {
        boolean tls = config.transport().tls().isPresent();
        boolean insecure = config.transport().insecure();
        List<String> exposures = new ArrayList<>();
        if (!tls && !isLoopback(config.host())) {
            exposures.add("this server would listen on " + config.host() + " with plain HTTP: customers' CPFs, names and bookings "
                    + "(and peers' calls) would cross the network in clear text");
        }
        config.peers().forEach((id, urls) -> urls.forEach(url -> {
            if ("https".equals(url.getScheme()) && !tls) {
                throw new BadFlag("peer " + id + " is " + url + ", but this server has no certificate to present to it: "
                        + "give --tls-cert, --tls-key and --tls-ca (docs/tls.md), or call it over http on loopback");
            }
            if ("http".equals(url.getScheme()) && (tls || !isLoopback(url.getHost()))) {
                exposures.add("peer " + id + " would be called over plain HTTP at " + url);
            }
        }));
        if (exposures.isEmpty()) {
            return List.of();
        }
        if (!insecure) {
            throw new BadFlag(String.join("; ", exposures) + ". Give this server a certificate (--tls-cert, --tls-key and "
                    + "--tls-ca; ./passcom certs makes a throwaway set) and https:// peer URLs, or listen on 127.0.0.1; "
                    + "--inseguro allows it anyway, e.g. behind a TLS proxy (docs/tls.md)");
        }
        return exposures.stream().map(e -> "--inseguro: " + e).toList();
    }

    /** Whether the host, as written, names this machine's loopback interface. */
    static boolean isLoopback(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || IPV4_LOOPBACK.matcher(h).matches();
    }
}
