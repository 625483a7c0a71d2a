package passcom.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import passcom.api.CpfCheck;
import passcom.api.Json;
import passcom.client.api.AccountSession;
import passcom.client.api.PasscomClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A subcommand that talks to the servers: shared options, output, and the environment the CLI runs in. Most
 * make one call through {@link #answer}; a failed call becomes its message and exit code in {@link Failures}.
 */
abstract class ClientCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @ParentCommand
    PasscomCli cli;

    @Spec
    CommandSpec spec;

    /** One call to the servers (with failover), as {@link #answer} makes it. */
    interface Call<T> {
        T on(PasscomClient client) throws Exception;
    }

    /** Makes the call, prints its answer ({@code readable} text, or the JSON with --json), and exits OK. */
    <T> int answer(Call<T> call, Function<T, String> readable) throws Exception {
        T answer = call.on(connection.client(cli.env()));
        print(answer, () -> out().print(readable.apply(answer)));
        return Exit.OK;
    }

    /** A CPF checked here, so a mistyped one is a usage error before any server is asked. */
    static String validCpf(String cpf) throws BadInput {
        if (!CpfCheck.isValid(cpf)) {
            throw new BadInput("CPF inválido: '" + cpf + "'");
        }
        return cpf;
    }

    /** Where {@code login} keeps the session ({@link SavedSession}). */
    Path sessionFile() {
        return SavedSession.file(cli.env());
    }

    /** The session of the last {@code login} on {@code client}, renewed (and saved again) when due; empty when none. */
    Optional<AccountSession> session(PasscomClient client) throws BadInput {
        return SavedSession.open(sessionFile(), client, Clock.systemUTC());
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** With --json the server's answer as it came (same field names), else the readable form. */
    void print(Object answer, Runnable readable) throws Exception {
        if (connection.json) {
            out().println(Json.mapper().writeValueAsString(answer));
        } else {
            readable.run();
        }
        out().flush();
    }
}
