package passcom.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import passcom.client.api.PasscomClient;
import passcom.client.api.ServerEndpoint;
import passcom.client.api.ServerTrust;
import picocli.CommandLine.Option;

/** The options every subcommand shares: which servers to ask, and whether to answer in JSON. */
final class Connection {

    @Option(names = "--servidor", paramLabel = "URL",
            description = "servidor a usar (repetível; ID=URL ou URL; os seguintes são tentados se ele não responder)")
    List<String> servidores = new ArrayList<>();

    @Option(names = "--ca", paramLabel = "ARQUIVO",
            description = "certificado (PEM) da autoridade da federação, para servidores https://; padrão: PASSCOM_CA, senão os do sistema")
    Path ca;

    @Option(names = "--json", description = "resposta em JSON (a do servidor), para scripts")
    boolean json;

    /** The servers given, else the configured list ({@link ServerEndpoint#configured(Map)}). */
    List<ServerEndpoint> servers(Map<String, String> env) throws BadInput {
        if (servidores.isEmpty()) {
            try {
                return ServerEndpoint.configured(env);
            } catch (IllegalArgumentException e) {
                throw new BadInput("lista de servidores inválida em PASSCOM_SERVERS/PASSCOM_PEERS: " + e.getMessage());
            }
        }
        List<ServerEndpoint> servers = new ArrayList<>();
        for (String given : servidores) {
            for (String entry : given.split(",")) {
                if (!entry.isBlank()) {
                    servers.add(endpoint(entry.strip()));
                }
            }
        }
        return servers;
    }

    PasscomClient client(Map<String, String> env) throws BadInput {
        return new PasscomClient(servers(env), PasscomClient.Timeouts.DEFAULT, trust(env));
    }

    /** Whom to believe on https:// servers: --ca, else PASSCOM_CA, else the system's trust store. */
    private SSLContext trust(Map<String, String> env) throws BadInput {
        try {
            return ca != null ? ServerTrust.federationCa(ca) : ServerTrust.configured(env);
        } catch (IllegalArgumentException e) {
            throw new BadInput((ca != null ? "--ca: " : ServerTrust.VARIABLE + ": ") + e.getMessage());
        }
    }

    private static ServerEndpoint endpoint(String entry) throws BadInput {
        int eq = entry.indexOf('=');
        String id = eq > 0 && !entry.substring(0, eq).contains(":") ? entry.substring(0, eq) : null;
        String url = id == null ? entry : entry.substring(eq + 1);
        URI uri;
        try {
            uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (IllegalArgumentException e) {
            throw new BadInput("--servidor: URL inválida '" + url + "'");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new BadInput("--servidor: use http://host:porta ou ID=http://host:porta, recebido '" + entry + "'");
        }
        return new ServerEndpoint(id != null ? id : uri.getHost() + ":" + uri.getPort(), uri);
    }
}
