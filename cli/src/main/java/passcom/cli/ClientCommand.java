package passcom.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import passcom.api.Json;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A subcommand that talks to the servers: shared options, output, and the environment the CLI runs in. */
abstract class ClientCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @ParentCommand
    PasscomCli cli;

    @Spec
    CommandSpec spec;

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
