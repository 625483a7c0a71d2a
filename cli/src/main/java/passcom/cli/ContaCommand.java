package passcom.cli;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import passcom.api.ContaDados;
import passcom.api.CpfCheck;
import passcom.api.PassagensResposta;
import passcom.client.api.AccountSession;
import picocli.CommandLine.Command;

/**
 * {@code conta}: the logged-in account's data and every booking of its CPF (bought or flown), from
 * {@code GET /conta}; with {@code --json}, the export the LGPD's data portability asks for.
 */
@Command(name = "conta", mixinStandardHelpOptions = true, usageHelpWidth = 110,
        description = "Mostra a conta da sessão aberta (passcom cli login) e todas as suas passagens; com --json, exporta tudo.")
final class ContaCommand extends ClientCommand {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneOffset.UTC);

    @Override
    public Integer call() throws Exception {
        return answer(client -> {
            AccountSession session = session(client).orElseThrow(
                    () -> new BadInput("nenhuma sessão aberta: entre com 'passcom cli login --cpf CPF'"));
            return session.call(client.accounts()::account);
        }, ContaCommand::readable);
    }

    private static String readable(ContaDados conta) {
        String header = "Conta de " + conta.nome() + " (CPF " + CpfCheck.formatted(CpfCheck.digits(conta.cpf())) + ", " + conta.email()
                + "), criada" + (conta.criadaEm() == null ? "" : " em " + DAY.format(conta.criadaEm())) + " na companhia " + conta.companhia() + "."
                + System.lineSeparator();
        return header + PassagensCommand.readable(new PassagensResposta(conta.cpf(), conta.passagens(), conta.companhiasIndisponiveis(), null));
    }
}
