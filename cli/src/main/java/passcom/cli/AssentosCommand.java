package passcom.cli;

import java.util.List;
import passcom.api.Assento;
import passcom.api.MapaAssentos;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code assentos}: one leg's seat map as its airline holds it now, to choose seats for {@code comprar --passageiro}. */
@Command(name = "assentos", mixinStandardHelpOptions = true, usageHelpWidth = 110,
        description = "Mostra os assentos livres e ocupados de um trecho, para escolher em 'comprar --passageiro CPF=N'.")
final class AssentosCommand extends ClientCommand {

    @Option(names = "--origem", required = true, paramLabel = "CIDADE", description = "cidade de partida do trecho")
    String origem;

    @Option(names = "--destino", required = true, paramLabel = "CIDADE", description = "cidade de chegada do trecho")
    String destino;

    @Option(names = "--companhia", required = true, paramLabel = "ID", description = "a companhia que voa o trecho, ex.: B")
    String companhia;

    @Override
    public Integer call() throws Exception {
        return answer(client -> client.assentos(origem, destino, companhia), AssentosCommand::readable);
    }

    static String readable(MapaAssentos map) {
        List<Integer> free = map.assentos().stream().filter(Assento::livre).map(Assento::numero).toList();
        List<Integer> taken = map.assentos().stream().filter(a -> !a.livre()).map(Assento::numero).toList();
        return "Assentos de " + map.companhia() + " " + map.origem() + " → " + map.destino() + ": " + map.livres() + " de "
                + map.capacidade() + " livres" + System.lineSeparator()
                + "  livres:   " + (free.isEmpty() ? "nenhum" : String.join(" ", free.stream().map(String::valueOf).toList())) + System.lineSeparator()
                + "  ocupados: " + (taken.isEmpty() ? "nenhum" : String.join(" ", taken.stream().map(String::valueOf).toList())) + System.lineSeparator();
    }
}
