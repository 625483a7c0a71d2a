package passcom.cli;

import passcom.api.Conta;
import passcom.api.CpfCheck;
import passcom.api.PedidoCadastro;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cadastro}: creates an account at the airline that answers (its home). The password is typed twice
 * without echo, or comes from the first line of standard input with {@code --senha-stdin}; never from argv.
 */
@Command(name = "cadastro", mixinStandardHelpOptions = true, usageHelpWidth = 110,
        description = "Cria uma conta (uma por CPF em toda a federação). A senha é digitada sem eco, ou lida com --senha-stdin.")
final class CadastroCommand extends ClientCommand {

    @Option(names = "--cpf", required = true, paramLabel = "CPF", description = "CPF do titular da conta")
    String cpf;

    @Option(names = "--nome", required = true, paramLabel = "NOME", description = "nome do titular")
    String nome;

    @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "e-mail do titular")
    String email;

    @Option(names = "--senha-stdin", description = "lê a senha da primeira linha da entrada padrão (para scripts)")
    boolean senhaStdin;

    @Override
    public Integer call() throws Exception {
        String digits = CpfCheck.digits(validCpf(cpf));
        if (nome.isBlank()) {
            throw new BadInput("--nome: informe o nome do titular");
        }
        String senha = cli.passwords(senhaStdin).read("Senha (pelo menos 10 caracteres): ", true);
        return answer(client -> client.accounts().register(new PedidoCadastro(digits, nome.strip(), email.strip(), senha)),
                CadastroCommand::readable);
    }

    private static String readable(Conta conta) {
        return "Conta criada para " + conta.nome() + " (CPF " + CpfCheck.formatted(CpfCheck.digits(conta.cpf())) + ", " + conta.email()
                + ") na companhia " + conta.companhia() + "." + System.lineSeparator()
                + "Entre com: passcom cli login --cpf " + CpfCheck.formatted(CpfCheck.digits(conta.cpf())) + System.lineSeparator();
    }
}
