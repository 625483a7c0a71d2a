package passcom.cli;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import passcom.api.CpfCheck;
import passcom.api.PassagensResposta;
import passcom.api.Passagem;
import passcom.api.TrechoPassagem;
import passcom.client.api.AccountSession;
import passcom.client.api.PasscomClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code passagens}: the logged-in account's bookings on every airline (its CPF a passenger or the buyer), or
 * one booking by {@code --localizador} and a passenger's {@code --cpf}, no account needed. {@code --cpf} alone
 * lists by CPF, which only a federation running with {@code --acesso-aberto} answers.
 */
@Command(name = "passagens", mixinStandardHelpOptions = true, usageHelpWidth = 110,
        description = {"Lista as passagens da conta (depois de passcom cli login) em todas as companhias,",
                "ou uma passagem pelo localizador e o CPF de um passageiro, sem conta."})
final class PassagensCommand extends ClientCommand {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneOffset.UTC);

    @Option(names = "--localizador", paramLabel = "LOCALIZADOR", description = "o localizador de uma passagem (com --cpf de um passageiro)")
    String localizador;

    @Option(names = "--cpf", paramLabel = "CPF",
            description = "CPF de um passageiro (com --localizador); sozinho, só num servidor com --acesso-aberto")
    String cpf;

    @Override
    public Integer call() throws Exception {
        if (localizador != null) {
            if (cpf == null) {
                throw new BadInput("--localizador precisa de --cpf (o CPF de um passageiro ou de quem comprou)");
            }
            String valid = CpfCheck.digits(validCpf(cpf));
            return answer(client -> client.ticket(localizador.strip().toUpperCase(java.util.Locale.ROOT), valid), PassagensCommand::readable);
        }
        String valid = cpf == null ? null : CpfCheck.digits(validCpf(cpf));
        return answer(client -> list(client, valid), PassagensCommand::readable);
    }

    /** With a session for this CPF (or no CPF given), the account's list; else by CPF alone (open-access servers). */
    private PassagensResposta list(PasscomClient client, String cpfDigits) throws Exception {
        Optional<AccountSession> session = session(client);
        if (session.isPresent() && (cpfDigits == null || cpfDigits.equals(session.get().cpf()))) {
            return session.get().call(client::myTickets);
        }
        if (cpfDigits == null) {
            throw new BadInput("nenhuma sessão aberta: entre com 'passcom cli login --cpf CPF', ou use --localizador L --cpf CPF");
        }
        return client.tickets(cpfDigits);
    }

    static String readable(PassagensResposta answer) {
        StringBuilder text = new StringBuilder(answer.cpf() == null || CpfCheck.digits(answer.cpf()).isEmpty() ? "Passagem"
                : "Passagens de " + CpfCheck.formatted(CpfCheck.digits(answer.cpf()))).append(System.lineSeparator());
        if (answer.companhiasIndisponiveis() != null && !answer.companhiasIndisponiveis().isEmpty()) {
            text.append("Companhias que não responderam (a lista pode estar incompleta): ")
                    .append(String.join(", ", answer.companhiasIndisponiveis())).append(System.lineSeparator());
        }
        if (answer.passagens() == null || answer.passagens().isEmpty()) {
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
