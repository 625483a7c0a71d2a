package passcom.it.process;

import java.net.URI;
import java.util.List;

/**
 * Where each airline of a running federation answers its customers: all that {@link Books} needs to audit what the
 * federation lists, whoever started it ({@link ProcessCluster}, or the launcher {@code ./passcom} in
 * {@code passcom.it.launcher.LauncherIT}).
 */
public interface AirlineEndpoints {

    List<String> airlines();

    URI uri(String airline);
}
