package passcom.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code passcom cli}: the customer's endpoints for scripts, terminals and containers. Each subcommand makes
 * one call through client-api's {@link passcom.client.api.PasscomClient}, so the failover and unknown-outcome
 * rules are the desktop client's own; the answer is a readable table, or with {@code --json} the server's JSON.
 * The exit code says what happened ({@link Exit}); every message is in Portuguese.
 */
@Command(name = "passcom-cli", mixinStandardHelpOptions = true, version = "passcom-cli 1.0", resourceBundle = "passcom.cli.Mensagens",
        usageHelpWidth = 110,
        description = "Cliente de linha de comando do PASSCOM: consulta rotas, compra, lista e cancela passagens; cria conta e entra nela.",
        subcommands = {RotasCommand.class, AssentosCommand.class, ComprarCommand.class, PassagensCommand.class, CancelarCommand.class,
                CadastroCommand.class, LoginCommand.class, LogoutCommand.class, ContaCommand.class, SaudeCommand.class,
                AutoComplete.GenerateCompletion.class},
        footerHeading = "%nCódigos de saída:%n",
        footer = {"  0  sucesso",
                "  1  erro inesperado do servidor",
                "  2  entrada inválida (opção, CPF, cidade, número de rota ou localizador)",
                "  3  esgotado, assento escolhido ocupado ou recusado por conflito: nada foi comprado ou cancelado",
                "  4  nenhum servidor ou companhia alcançável: nada foi feito",
                "  5  resultado desconhecido: o pedido chegou, mas sem resposta definitiva (consulte as passagens)",
                "  6  não autenticado: CPF ou senha inválidos, ou sessão ausente ou expirada (passcom cli login)",
                "  7  muitas tentativas: espere e tente de novo",
                "",
                "Servidores: --servidor (repetível), senão PASSCOM_SERVERS, senão PASSCOM_PEERS (ID=URL,...),",
                "senão A, B e C em 127.0.0.1:65433-65435.",
                "Última consulta de rotas: PASSCOM_CLI_STATE, senão $XDG_STATE_HOME/passcom/ultima-consulta.json,",
                "senão ~/.local/state/passcom/ultima-consulta.json.",
                "Sessão (login): $XDG_STATE_HOME/passcom/sessao.json, senão ~/.local/state/passcom/sessao.json (modo 0600).",
                "Senhas: digitadas no terminal sem eco, ou com --senha-stdin na primeira linha da entrada padrão; nunca na linha de comando."})
public final class PasscomCli {

    private final Map<String, String> env;
    private final InputStream stdin;
    private final Console console;

    PasscomCli(Map<String, String> env, InputStream stdin, Console console) {
        this.env = Objects.requireNonNull(env, "env");
        this.stdin = Objects.requireNonNull(stdin, "stdin");
        this.console = console;
    }

    Map<String, String> env() {
        return env;
    }

    /** Where a password is read from: standard input with {@code --senha-stdin}, else the terminal (null when none). */
    PasswordInput passwords(boolean fromStdin) {
        return new PasswordInput(fromStdin, stdin, console);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs one command line; returns its exit code ({@link Exit}). Passwords come from this process's terminal. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return run(args, env, System.in, System.console(), out, err);
    }

    /** Runs one command line with {@code stdin} (for {@code --senha-stdin}) and {@code console} (null: none). */
    public static int run(String[] args, Map<String, String> env, InputStream stdin, Console console, PrintStream out, PrintStream err) {
        CommandLine commandLine = commandLine(env, stdin, console);
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        return commandLine.execute(args);
    }

    static CommandLine commandLine(Map<String, String> env, InputStream stdin, Console console) {
        CommandLine commandLine = new CommandLine(new PasscomCli(env, stdin, console));
        commandLine.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false)
                .description("Imprime o script de completamento do bash/zsh: source <(passcom-cli generate-completion)");
        commandLine.setExecutionExceptionHandler(new Failures());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }
}
