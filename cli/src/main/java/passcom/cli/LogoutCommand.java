package passcom.cli;

import java.nio.file.Files;
import java.util.Optional;
import passcom.client.api.AccountSession;
import passcom.client.api.PasscomException;
import picocli.CommandLine.Command;

/**
 * {@code logout}: revokes the session's refresh token at its home airline and deletes the session file. The
 * file goes even when no server answers (this computer forgets the session either way); then the command says
 * the refresh token stays valid until it expires, and exits 4.
 */
@Command(name = "logout", mixinStandardHelpOptions = true, usageHelpWidth = 110,
        description = "Sai da conta: o servidor revoga a sessão e ela é apagada deste computador.")
final class LogoutCommand extends ClientCommand {

    @Override
    public Integer call() throws Exception {
        Optional<AccountSession> session = session(connection.client(cli.env()));
        if (session.isEmpty()) {
            out().println("Nenhuma sessão aberta.");
            out().flush();
            return Exit.OK;
        }
        try {
            session.get().logout();
        } catch (PasscomException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Files.deleteIfExists(sessionFile());
            spec.commandLine().getErr().println("passcom-cli: a sessão foi apagada deste computador, mas o servidor não confirmou a saída ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "): a renovação continua válida no servidor até expirar.");
            return Exit.UNREACHABLE;
        }
        out().println("Sessão encerrada.");
        out().flush();
        return Exit.OK;
    }
}
