package passcom.cli;

import passcom.api.CancelamentoResposta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cancelar}: releases every leg of a booking on every airline, or nothing changes. */
@Command(name = "cancelar", mixinStandardHelpOptions = true, usageHelpWidth = 110, description = "Cancela uma passagem (todos os trechos, ou nenhum).")
final class CancelarCommand extends ClientCommand {

    @Parameters(paramLabel = "LOCALIZADOR", description = "o localizador da passagem (6 caracteres)")
    String localizador;

    @Option(names = "--cpf", required = true, paramLabel = "CPF", description = "CPF de quem comprou")
    String cpf;

    @Override
    public Integer call() throws Exception {
        String valid = validCpf(cpf);
        return answer(client -> client.cancel(valid, localizador.strip()), CancelarCommand::readable);
    }

    private static String readable(CancelamentoResposta answer) {
        return answer.resultado() + ": " + answer.passagem().localizador() + " (" + Text.bookedItinerary(answer.passagem().trechos()) + ", "
                + Text.money(answer.passagem().valor()) + ")" + System.lineSeparator();
    }
}
