package passcom.cli;

import java.io.PrintWriter;
import passcom.api.Codigo;
import passcom.api.Erro;
import passcom.api.Json;
import passcom.client.api.AccountExists;
import passcom.client.api.AirlineUnreachable;
import passcom.client.api.NoServerAnswers;
import passcom.client.api.NotAuthenticated;
import passcom.client.api.OutcomeUnknown;
import passcom.client.api.PasscomException;
import passcom.client.api.RateLimited;
import passcom.client.api.RequestRejected;
import passcom.client.api.SeatsUnavailable;
import passcom.client.api.SessionEnded;
import passcom.client.api.UntrustedServer;
import picocli.CommandLine;

/**
 * What a failed call means to the customer, in words and as an {@link Exit} code. An outcome that is not known
 * is never reported as a failure: the message says it may have happened and how to find out. With
 * {@code --json} the same message is also written to standard output as an {@code Erro} object, with the server's
 * {@code codigo} ({@code DESCONHECIDO} for an outcome not known).
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) throws Exception {
        PrintWriter err = commandLine.getErr();
        int code;
        String message;
        String idPedido = null;
        // The server's code, for --json: a script switches on it as the clients do (null when no server answered).
        Codigo codigo = e instanceof PasscomException failure ? failure.codigo() : null;
        if (e instanceof OutcomeUnknown unknown) {
            codigo = codigo != null ? codigo : Codigo.DESCONHECIDO;
            code = Exit.OUTCOME_UNKNOWN;
            idPedido = unknown.idPedido();
            message = idPedido == null
                    ? "Resultado desconhecido: o pedido chegou a " + unknown.server() + ", mas não houve resposta definitiva; "
                        + "o cancelamento pode ter acontecido. Consulte: passcom cli passagens (com login) ou --localizador L --cpf CPF"
                    : "Resultado desconhecido: o pedido " + idPedido + " chegou a " + unknown.server()
                        + ", mas não houve resposta definitiva; a compra pode ter acontecido. Consulte: passcom cli passagens (com login)"
                        + ", ou repita o mesmo pedido com --id-pedido " + idPedido + " (nunca compra duas vezes).";
        } else if (e instanceof SessionEnded) {
            code = Exit.NOT_AUTHENTICATED;
            message = "A sessão terminou (expirou ou foi encerrada): entre de novo com 'passcom cli login --cpf CPF'. Nada foi feito.";
        } else if (e instanceof NotAuthenticated refused) {
            code = Exit.NOT_AUTHENTICATED;
            boolean loggingIn = parsed.subcommand() != null && "login".equals(parsed.subcommand().commandSpec().name());
            // a refused login is the server's uniform sentence alone; elsewhere the token or its absence was refused
            message = loggingIn ? refused.serverMessage() + "."
                    : "Não autenticado: " + refused.serverMessage() + ". Nada foi feito."
                        + " Entre com 'passcom cli login --cpf CPF', ou use --localizador L --cpf CPF.";
        } else if (e instanceof RateLimited limited) {
            code = Exit.RATE_LIMITED;
            message = "Muitas tentativas: " + limited.serverMessage() + "."
                    + limited.retryAfter().map(wait -> " Tente de novo em " + Math.max(1, wait.toSeconds()) + " s.").orElse(" Espere e tente de novo.")
                    + " Nada foi feito.";
        } else if (e instanceof AccountExists exists) {
            code = Exit.BAD_INPUT;
            message = exists.serverMessage() + " Entre com 'passcom cli login --cpf CPF'.";
        } else if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
            code = Exit.SERVER_ERROR;
            message = "Não foi possível gravar o estado local: " + e.getMessage();
        } else if (e instanceof SeatsUnavailable) {
            code = Exit.SOLD_OUT;
            message = "Recusado: " + ((SeatsUnavailable) e).serverMessage() + ". Nada foi alterado.";
        } else if (e instanceof UntrustedServer untrusted) {
            code = Exit.UNREACHABLE;
            message = untrusted.serverMessage();
        } else if (e instanceof NoServerAnswers) {
            code = Exit.UNREACHABLE;
            message = "Nenhum servidor respondeu (" + e.getMessage().replace("no server answers (tried ", "tentados: ")
                    + ". Nada foi feito.";
        } else if (e instanceof AirlineUnreachable unreachable) {
            code = Exit.UNREACHABLE;
            message = "Companhia inalcançável: " + unreachable.serverMessage() + ". Nada foi feito.";
        } else if (e instanceof RequestRejected rejected) {
            code = rejected.status() >= 400 && rejected.status() < 500 ? Exit.BAD_INPUT : Exit.SERVER_ERROR;
            message = (code == Exit.BAD_INPUT ? "Pedido recusado: " : "Erro do servidor (HTTP " + rejected.status() + "): ")
                    + rejected.serverMessage();
        } else if (e instanceof BadInput) {
            code = Exit.BAD_INPUT;
            message = e.getMessage();
        } else if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            code = Exit.OUTCOME_UNKNOWN;
            message = "Interrompido antes da resposta: o pedido pode ter acontecido. Consulte as passagens.";
        } else {
            throw e;
        }
        err.println("passcom-cli: " + message);
        Object command = parsed.subcommand() == null ? null : parsed.subcommand().commandSpec().userObject();
        if (command instanceof ClientCommand client && client.connection.json) {
            commandLine.getOut().println(Json.mapper().writeValueAsString(new Erro(codigo == null ? null : codigo.name(), null, message, idPedido, null)));
        }
        return code;
    }
}
