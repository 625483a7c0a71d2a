package passcom.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import passcom.api.Saude;
import passcom.client.api.PasscomClient;
import passcom.client.api.PasscomException;
import passcom.client.api.ServerEndpoint;
import passcom.client.api.UntrustedServer;
import picocli.CommandLine.Command;

/**
 * {@code saude}: asks every listed server's {@code /saude} (no failover: each one answers for itself). Exit 0
 * when all answer, 4 when any does not.
 */
@Command(name = "saude", mixinStandardHelpOptions = true, usageHelpWidth = 110,
        description = "Mostra a saúde de cada servidor: pares alcançáveis, reservas abertas, transações pendentes.")
final class SaudeCommand extends ClientCommand {

    @Override
    public Integer call() throws Exception {
        List<ServerEndpoint> servers = connection.servers(cli.env());
        PasscomClient client = connection.client(cli.env());
        Map<String, Saude> answers = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        boolean allAnswer = true;
        for (ServerEndpoint server : servers) {
            try {
                Saude health = client.health(server);
                answers.put(server.id(), health);
                rows.add(List.of(server.id(), server.uri().toString(), "no ar", peers(health), String.valueOf(health.reservasAbertas()),
                        String.valueOf(health.transacoesPendentes()), String.valueOf(health.passagensVendidas())));
            } catch (PasscomException e) {
                allAnswer = false;
                answers.put(server.id(), null);
                rows.add(List.of(server.id(), server.uri().toString(), e instanceof UntrustedServer ? "certificado recusado" : "fora do ar",
                        "", "", "", ""));
                if (e instanceof UntrustedServer untrusted) {
                    spec.commandLine().getErr().println("passcom-cli: " + untrusted.serverMessage());
                }
            }
        }
        print(answers, () -> out().print(Text.table(List.of("Servidor", "URL", "Estado", "Pares", "Reservas abertas", "Transações pendentes",
                "Trechos vendidos"), rows, 4, 5, 6)));
        return allAnswer ? Exit.OK : Exit.UNREACHABLE;
    }

    private static String peers(Saude health) {
        return health.pares().entrySet().stream().map(p -> p.getKey() + (p.getValue() ? " ok" : " fora"))
                .collect(Collectors.joining(", "));
    }
}
