package passcom.cli;

import java.util.Optional;
import passcom.api.CancelamentoResposta;
import passcom.api.CpfCheck;
import passcom.client.api.AccountSession;
import passcom.client.api.PasscomClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cancelar}: releases every leg of a booking on every airline, or nothing changes. Allowed to a passenger
 * or the buyer: by the logged-in session's token, or with {@code --cpf} of a passenger, no account needed.
 */
@Command(name = "cancelar", mixinStandardHelpOptions = true, usageHelpWidth = 110,
        description = {"Cancela uma passagem (todos os trechos, ou nenhum): com a sessão de passcom cli login,",
                "ou com --cpf de um passageiro."})
final class CancelarCommand extends ClientCommand {

    @Parameters(paramLabel = "LOCALIZADOR", description = "o localizador da passagem (6 caracteres)")
    String localizador;

    @Option(names = "--cpf", paramLabel = "CPF", description = "CPF de um passageiro (sem ele, usa a sessão aberta com login)")
    String cpf;

    @Override
    public Integer call() throws Exception {
        String valid = cpf == null ? null : CpfCheck.digits(validCpf(cpf));
        String reference = localizador.strip();
        return answer(client -> valid != null ? client.cancel(valid, reference) : asHolder(client, reference), CancelarCommand::readable);
    }

    private CancelamentoResposta asHolder(PasscomClient client, String reference) throws Exception {
        Optional<AccountSession> session = session(client);
        if (session.isEmpty()) {
            throw new BadInput("nenhuma sessão aberta: entre com 'passcom cli login --cpf CPF', ou use --cpf de um passageiro");
        }
        return session.get().call(token -> client.cancelAsHolder(token, reference));
    }

    private static String readable(CancelamentoResposta answer) {
        return answer.resultado() + ": " + answer.passagem().localizador() + " (" + Text.bookedItinerary(answer.passagem().trechos()) + ", "
                + Text.money(answer.passagem().valor()) + ")" + System.lineSeparator();
    }
}
