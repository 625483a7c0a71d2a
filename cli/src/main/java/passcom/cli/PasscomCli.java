package passcom.cli;

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
        description = "Cliente de linha de comando do PASSCOM: consulta rotas, compra, lista e cancela passagens.",
        subcommands = {RotasCommand.class, AssentosCommand.class, ComprarCommand.class, PassagensCommand.class, CancelarCommand.class,
                SaudeCommand.class, AutoComplete.GenerateCompletion.class},
        footerHeading = "%nCódigos de saída:%n",
        footer = {"  0  sucesso",
                "  1  erro inesperado do servidor",
                "  2  entrada inválida (opção, CPF, cidade, número de rota ou localizador)",
                "  3  esgotado, assento escolhido ocupado ou recusado por conflito: nada foi comprado ou cancelado",
                "  4  nenhum servidor ou companhia alcançável: nada foi feito",
                "  5  resultado desconhecido: o pedido chegou, mas sem resposta definitiva (consulte as passagens)",
                "",
                "Servidores: --servidor (repetível), senão PASSCOM_SERVERS, senão PASSCOM_PEERS (ID=URL,...),",
                "senão A, B e C em 127.0.0.1:65433-65435.",
                "Última consulta de rotas: PASSCOM_CLI_STATE, senão $XDG_STATE_HOME/passcom/ultima-consulta.json,",
                "senão ~/.local/state/passcom/ultima-consulta.json."})
public final class PasscomCli {

    private final Map<String, String> env;

    PasscomCli(Map<String, String> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    Map<String, String> env() {
        return env;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs one command line; returns its exit code ({@link Exit}). */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        CommandLine commandLine = commandLine(env);
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        return commandLine.execute(args);
    }

    static CommandLine commandLine(Map<String, String> env) {
        CommandLine commandLine = new CommandLine(new PasscomCli(env));
        commandLine.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false)
                .description("Imprime o script de completamento do bash/zsh: source <(passcom-cli generate-completion)");
        commandLine.setExecutionExceptionHandler(new Failures());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }
}
