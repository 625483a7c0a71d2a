package passcom.cli;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import passcom.api.CpfCheck;
import passcom.client.api.AccountSession;
import passcom.client.api.PasscomClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code login}: opens a session at any airline and keeps it in the {@link SavedSession} file (0600), where
 * {@code passagens}, {@code cancelar} and {@code comprar} find it and renew it when due. The password is read
 * without echo, or with {@code --senha-stdin}; it is sent once and never written anywhere.
 */
@Command(name = "login", mixinStandardHelpOptions = true, usageHelpWidth = 110,
        description = "Entra na conta do CPF; a sessão fica guardada só para você e é renovada sozinha.")
final class LoginCommand extends ClientCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @Option(names = "--cpf", required = true, paramLabel = "CPF", description = "CPF da conta")
    String cpf;

    @Option(names = "--senha-stdin", description = "lê a senha da primeira linha da entrada padrão (para scripts)")
    boolean senhaStdin;

    @Override
    public Integer call() throws Exception {
        String digits = CpfCheck.digits(validCpf(cpf));
        String senha = cli.passwords(senhaStdin).read("Senha: ", false);
        PasscomClient client = connection.client(cli.env());
        AccountSession session = AccountSession.login(client.accounts(), digits, senha, Clock.systemUTC());
        new SavedSession(digits, session.current()).save(sessionFile());
        print(new Logged(digits, session.current().expiraEm().toString()), () -> out().print(
                "Sessão aberta para o CPF " + CpfCheck.formatted(digits) + " (token válido até "
                        + TIME.format(session.current().expiraEm().atZone(ZoneId.systemDefault())) + ", renovado sozinho)."
                        + System.lineSeparator() + "Guardada em " + sessionFile() + " (só você pode ler). Para sair: passcom cli logout"
                        + System.lineSeparator()));
        return Exit.OK;
    }

    /** The --json answer: whose session and until when; the tokens stay in the file. */
    record Logged(String cpf, String expiraEm) {
    }
}
