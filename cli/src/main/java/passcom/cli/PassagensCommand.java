package passcom.cli;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import passcom.api.CpfCheck;
import passcom.api.PassagensResposta;
import passcom.api.Passagem;
import passcom.api.TrechoPassagem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code passagens}: the CPF's bookings on every airline. */
@Command(name = "passagens", mixinStandardHelpOptions = true, usageHelpWidth = 110, description = "Lista as passagens de um CPF em todas as companhias.")
final class PassagensCommand extends ClientCommand {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneOffset.UTC);

    @Option(names = "--cpf", required = true, paramLabel = "CPF", description = "CPF do passageiro")
    String cpf;

    @Override
    public Integer call() throws Exception {
        String valid = validCpf(cpf);
        return answer(client -> client.tickets(valid), PassagensCommand::readable);
    }

    private static String readable(PassagensResposta answer) {
        StringBuilder text = new StringBuilder("Passagens de ").append(CpfCheck.formatted(CpfCheck.digits(answer.cpf())))
                .append(System.lineSeparator());
        if (!answer.companhiasIndisponiveis().isEmpty()) {
            text.append("Companhias que não responderam (a lista pode estar incompleta): ")
                    .append(String.join(", ", answer.companhiasIndisponiveis())).append(System.lineSeparator());
        }
        if (answer.passagens().isEmpty()) {
            return text.append("Nenhuma passagem.").append(System.lineSeparator()).toString();
        }
        List<List<String>> rows = new ArrayList<>();
        for (Passagem ticket : answer.passagens()) {
            rows.add(List.of(ticket.localizador(), Text.bookedItinerary(ticket.trechos()), seats(ticket.trechos()), Text.km(ticket.distanciaKm()),
                    Text.money(ticket.valor()), ticket.compradaEm() == null ? "" : WHEN.format(ticket.compradaEm()),
                    ticket.vendidaPor() == null ? "" : ticket.vendidaPor()));
        }
        return text.append(Text.table(List.of("Localizador", "Itinerário", "Assentos", "Distância", "Valor", "Comprada em (UTC)", "Vendida por"),
                rows, 3, 4)).toString();
    }

    private static String seats(List<TrechoPassagem> legs) {
        return String.join(" ", legs.stream().map(leg -> leg.companhia() + leg.assento()).toList());
    }
}
