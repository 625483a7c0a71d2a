package passcom.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import passcom.api.CaminhosResposta;
import passcom.api.Rota;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rotas}: the 5 shortest and 5 cheapest itineraries, numbered for {@code comprar N}. */
@Command(name = "rotas", mixinStandardHelpOptions = true, usageHelpWidth = 110,
        description = "Consulta as rotas (5 mais curtas e 5 mais baratas) e as numera para 'comprar N'.")
final class RotasCommand extends ClientCommand {

    @Option(names = "--origem", required = true, paramLabel = "CIDADE", description = "cidade de partida, como no mapa")
    String origem;

    @Option(names = "--destino", required = true, paramLabel = "CIDADE", description = "cidade de chegada")
    String destino;

    @Override
    public Integer call() throws Exception {
        return answer(client -> {
            CaminhosResposta answer = client.search(origem, destino);
            List<Rota> numbered = new ArrayList<>(answer.maisCurtos());
            numbered.addAll(answer.maisBaratos());
            new LastSearch(answer.origem(), answer.destino(), Instant.now(), numbered.stream().map(Rota::caminho).toList())
                    .save(LastSearch.file(cli.env()));
            return answer;
        }, RotasCommand::readable);
    }

    private static String readable(CaminhosResposta answer) {
        StringBuilder text = new StringBuilder("Rotas de " + answer.origem() + " para " + answer.destino()
                + " (servidor " + answer.servidor() + ")" + System.lineSeparator());
        if (!answer.companhiasIndisponiveis().isEmpty()) {
            text.append("Companhias que não responderam: ").append(String.join(", ", answer.companhiasIndisponiveis()))
                    .append(System.lineSeparator());
        }
        if (answer.maisCurtos().isEmpty() && answer.maisBaratos().isEmpty()) {
            return text.append("Nenhuma rota encontrada.").append(System.lineSeparator()).toString();
        }
        int number = 1;
        for (var section : List.of(List.of("Mais curtas", answer.maisCurtos()), List.of("Mais baratas", answer.maisBaratos()))) {
            @SuppressWarnings("unchecked")
            List<Rota> routes = (List<Rota>) section.get(1);
            text.append(System.lineSeparator()).append(section.get(0)).append(System.lineSeparator());
            List<List<String>> rows = new ArrayList<>();
            for (Rota route : routes) {
                rows.add(List.of(String.valueOf(number++), Text.itinerary(route.trechos()), Text.km(route.distanciaKm()), Text.money(route.preco())));
            }
            text.append(Text.table(List.of("Nº", "Itinerário", "Distância", "Preço"), rows, 0, 2, 3));
        }
        return text.append(System.lineSeparator()).append("Para comprar: passcom cli comprar N --cpf CPF").append(System.lineSeparator()).toString();
    }
}
