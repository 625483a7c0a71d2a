package passcom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passcom.api.Json;
import passcom.cli.PasscomCli;

/**
 * The command-line client against a real federation of three servers over HTTP: what a script sees on its
 * output and in the exit code for each thing that can happen to a customer.
 */
class CliIT {

    private static final String CPF = "529.982.247-25";
    private static final String OTHER_CPF = "111.444.777-35";
    private static final String PASSWORD = "cavalo-correto-bateria-grampo";

    @TempDir
    Path dir;
    private Cluster cluster;
    private final Map<String, String> env = new LinkedHashMap<>();

    @BeforeEach
    void start() {
        cluster = Cluster.startWithAccounts(Networks.withSeats(Networks.defaultNetwork(), "A", "São Paulo", "Curitiba", 1), dir.resolve("cluster"), "A", "B", "C");
        env.put("PASSCOM_SERVERS", "A=" + cluster.uri("A") + ",B=" + cluster.uri("B") + ",C=" + cluster.uri("C"));
        env.put("PASSCOM_CLI_STATE", dir.resolve("state/ultima-consulta.json").toString());
        env.put("XDG_STATE_HOME", dir.resolve("xdg-state").toString());
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void when_a_customer_searches_buys_route_1_lists_and_cancels_then_each_step_says_so_and_exits_0() {
        Run rotas = cli("rotas", "--origem", "São Paulo", "--destino", "Porto Alegre");
        assertThat(rotas.code).isZero();
        assertThat(rotas.out).contains("Rotas de São Paulo para Porto Alegre").contains("Mais curtas").contains("Mais baratas")
                .contains("São Paulo —").contains("R$ ").contains(" km");
        assertThat(Files.exists(dir.resolve("state/ultima-consulta.json"))).isTrue();

        Run comprar = cli("comprar", "1", "--cpf", CPF);
        assertThat(comprar.code).as(comprar.err).isZero();
        assertThat(comprar.out).contains("Compra realizada com sucesso").contains("Localizador: ").contains("Porto Alegre");
        String localizador = comprar.out.lines().filter(l -> l.startsWith("Localizador: ")).findFirst().orElseThrow().substring(13).strip();

        Run passagens = cli("passagens", "--localizador", localizador, "--cpf", CPF);
        assertThat(passagens.code).as(passagens.err).isZero();
        assertThat(passagens.out).contains(localizador).contains("São Paulo —");

        Run cancelar = cli("cancelar", localizador, "--cpf", CPF);
        assertThat(cancelar.code).as(cancelar.err).isZero();
        assertThat(cancelar.out).contains("Passagem cancelada").contains(localizador);
        assertThat(cli("passagens", "--localizador", localizador, "--cpf", CPF).err).contains("Reserva não encontrada");
    }

    @Test
    void when_json_is_asked_then_the_answer_is_the_servers_json_and_its_route_can_be_bought_by_caminho() throws IOException {
        Run rotas = cli("rotas", "--origem", "São Paulo", "--destino", "Porto Alegre", "--json");
        JsonNode answer = Json.mapper().readTree(rotas.out);
        assertThat(answer.get("origem").asText()).isEqualTo("São Paulo");
        String caminho = answer.get("mais_baratos").get(0).get("caminho").toString();

        Run comprar = cli("comprar", "--caminho", caminho, "--cpf", CPF, "--json");
        JsonNode bought = Json.mapper().readTree(comprar.out);
        assertThat(comprar.code).isZero();
        assertThat(bought.get("passagem").get("localizador").asText()).hasSize(6);

        String localizador = bought.get("passagem").get("localizador").asText();
        JsonNode listed = Json.mapper().readTree(cli("passagens", "--localizador", localizador, "--cpf", CPF, "--json").out);
        assertThat(listed.get("passagens")).hasSize(1);
        JsonNode health = Json.mapper().readTree(cli("saude", "--json").out);
        assertThat(health.get("A").get("companhia").asText()).isEqualTo("A");
    }

    @Test
    void when_the_last_seat_is_taken_then_the_second_buyer_gets_exit_3_with_codigo_esgotado_and_nothing_is_bought() {
        assertThat(cli("comprar", "--caminho", "São Paulo,A,Curitiba", "--cpf", CPF).code).isZero();

        Run second = cli("comprar", "--caminho", "São Paulo,A,Curitiba", "--cpf", OTHER_CPF);

        Run scripted = cli("comprar", "--caminho", "São Paulo,A,Curitiba", "--cpf", OTHER_CPF, "--json");

        assertThat(second.code).isEqualTo(3);
        assertThat(second.err).contains("Nada foi alterado");
        assertThat(scripted.code).isEqualTo(3);
        assertThat(scripted.out).as("the server's codigo, for scripts").contains("\"codigo\":\"ESGOTADO\"");
        assertThat(cli("assentos", "--origem", "São Paulo", "--destino", "Curitiba", "--companhia", "A").out).contains("0 de 1 livres");
    }

    @Test
    void when_two_passengers_choose_seats_then_they_get_them_and_a_taken_seat_exits_3_naming_it() {
        Run before = cli("assentos", "--origem", "Curitiba", "--destino", "Florianópolis", "--companhia", "B");
        assertThat(before.code).as(before.err).isZero();
        assertThat(before.out).contains("Assentos de B Curitiba → Florianópolis: 3 de 3 livres").contains("ocupados: nenhum");

        Run family = cli("comprar", "--caminho", "Curitiba,B,Florianópolis", "--passageiro", CPF + "=2", "--passageiro", OTHER_CPF + "=3");
        assertThat(family.code).as(family.err).isZero();
        assertThat(family.out).contains("Assentos (por trecho)").contains(CPF).contains(OTHER_CPF);
        assertThat(cli("assentos", "--origem", "Curitiba", "--destino", "Florianópolis", "--companhia", "B").out)
                .contains("1 de 3 livres").contains("livres:   1").contains("ocupados: 2 3");

        Run taken = cli("comprar", "--caminho", "Curitiba,B,Florianópolis", "--passageiro", "390.533.447-05=3");
        assertThat(taken.code).isEqualTo(3);
        assertThat(taken.err).contains("Assento indisponível");
        assertThat(cli("assentos", "--origem", "Curitiba", "--destino", "Florianópolis", "--companhia", "B").out).contains("1 de 3 livres");
        assertThat(cli("comprar", "--caminho", "Curitiba,B,Florianópolis", "--passageiro", "390.533.447-05=x").code).isEqualTo(2);
        assertThat(cli("comprar", "--caminho", "Curitiba,B,Florianópolis", "--cpf", CPF, "--passageiro", OTHER_CPF).code).isEqualTo(2);
    }

    @Test
    void when_no_server_answers_then_exit_is_4_and_it_says_nothing_was_done() throws IOException {
        int closed = FreePorts.next();

        Run rotas = cli("rotas", "--origem", "São Paulo", "--destino", "Porto Alegre", "--servidor", "http://127.0.0.1:" + closed);
        Run comprar = cli("comprar", "--caminho", "São Paulo,A,Curitiba", "--cpf", CPF, "--servidor", "http://127.0.0.1:" + closed);
        Run saude = cli("saude", "--servidor", "A=" + cluster.uri("A"), "--servidor", "X=http://127.0.0.1:" + closed);

        assertThat(rotas.code).isEqualTo(4);
        assertThat(comprar.code).isEqualTo(4);
        assertThat(comprar.err).contains("Nenhum servidor respondeu").contains("Nada foi feito");
        assertThat(saude.code).isEqualTo(4);
        assertThat(saude.out).contains("no ar").contains("fora do ar");
    }

    @Test
    void when_the_server_takes_the_purchase_and_never_answers_then_exit_is_5_with_the_id_to_repeat_it() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread swallow = new Thread(() -> {
                try (Socket socket = silent.accept(); InputStream in = socket.getInputStream()) {
                    in.read(new byte[4096]);
                } catch (IOException ignored) {
                    // closing without an answer is the point
                }
            });
            swallow.start();

            Run comprar = cli("comprar", "--caminho", "São Paulo,A,Curitiba", "--cpf", CPF, "--id-pedido", "pedido-42",
                    "--servidor", "http://127.0.0.1:" + silent.getLocalPort());
            swallow.join(10_000);

            assertThat(comprar.code).isEqualTo(5);
            assertThat(comprar.err).contains("Resultado desconhecido").contains("--id-pedido pedido-42").doesNotContain("Nada foi");
        }
        // Repeating the same id on the real federation buys once; repeating again returns the same booking.
        Run first = cli("comprar", "--caminho", "São Paulo,A,Curitiba", "--cpf", CPF, "--id-pedido", "pedido-42");
        Run again = cli("comprar", "--caminho", "São Paulo,A,Curitiba", "--cpf", CPF, "--id-pedido", "pedido-42");
        assertThat(first.code).isZero();
        assertThat(again.code).isZero();
        assertThat(localizadorIn(again)).isEqualTo(localizadorIn(first));
        assertThat(cli("assentos", "--origem", "São Paulo", "--destino", "Curitiba", "--companhia", "A").out).contains("0 de 1 livres");
    }

    @Test
    void when_input_is_bad_then_exit_is_2_with_a_message_naming_it() {
        assertThat(cli("rotas", "--origem", "Atlântida", "--destino", "Porto Alegre")).satisfies(run -> {
            assertThat(run.code).isEqualTo(2);
            assertThat(run.err).contains("Atlântida");
        });
        assertThat(cli("comprar", "1", "--cpf", "123.456.789-00")).satisfies(run -> {
            assertThat(run.code).isEqualTo(2);
            assertThat(run.err).contains("CPF inválido");
        });
        assertThat(cli("comprar", "1", "--cpf", CPF)).satisfies(run -> {
            assertThat(run.code).isEqualTo(2);
            assertThat(run.err).contains("rode 'passcom cli rotas' antes");
        });
        cli("rotas", "--origem", "São Paulo", "--destino", "Porto Alegre");
        assertThat(cli("comprar", "99", "--cpf", CPF).err).contains("a rota 99 não existe");
        assertThat(cli("cancelar", "ZZZZZZ", "--cpf", CPF).code).isEqualTo(2);
        assertThat(cli("rotas", "--origin", "São Paulo").code).isEqualTo(2);
        assertThat(cli("comprar", "--cpf", CPF).code).isEqualTo(2);
    }

    @Test
    void when_a_customer_signs_up_logs_in_buys_lists_and_cancels_with_the_session_then_each_step_exits_0() throws IOException {
        Run cadastro = cliWithInput(PASSWORD + "\n", "cadastro", "--cpf", CPF, "--nome", "Ana Souza", "--email", "ana@example.com",
                "--senha-stdin");
        assertThat(cadastro.code).as(cadastro.err).isZero();
        assertThat(cadastro.out).contains("Conta criada para Ana Souza").contains("passcom cli login");

        Run login = cliWithInput(PASSWORD + "\n", "login", "--cpf", CPF, "--senha-stdin");
        assertThat(login.code).as(login.err).isZero();
        assertThat(login.out).contains("Sessão aberta para o CPF 529.982.247-25");
        Path session = dir.resolve("xdg-state/passcom/sessao.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(session))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(session.getParent()))).isEqualTo("rwx------");
        assertThat(Files.readString(session)).doesNotContain(PASSWORD);

        // bought for someone else: the account is the buyer, so the booking is in its list
        Run comprar = cli("comprar", "--caminho", "São Paulo,A,Curitiba", "--cpf", OTHER_CPF);
        assertThat(comprar.code).as(comprar.err).isZero();
        String localizador = localizadorIn(comprar);
        Run passagens = cli("passagens");
        assertThat(passagens.code).as(passagens.err).isZero();
        assertThat(passagens.out).contains("Passagens de 529.982.247-25").contains(localizador);

        Run conta = cli("conta");
        assertThat(conta.code).as(conta.err).isZero();
        assertThat(conta.out).contains("Conta de Ana Souza (CPF 529.982.247-25, ana@example.com)").contains("companhia").contains(localizador);
        assertThat(Json.mapper().readTree(cli("conta", "--json").out).get("passagens").get(0).get("localizador").asText()).isEqualTo(localizador);

        Run cancelar = cli("cancelar", localizador);
        assertThat(cancelar.code).as(cancelar.err).isZero();
        assertThat(cancelar.out).contains("Passagem cancelada").contains(localizador);
        assertThat(cli("passagens").out).contains("Nenhuma passagem.");

        Run logout = cli("logout");
        assertThat(logout.code).as(logout.err).isZero();
        assertThat(logout.out).contains("Sessão encerrada");
        assertThat(session).doesNotExist();
        Run after = cli("passagens");
        assertThat(after.code).isEqualTo(2);
        assertThat(after.err).contains("nenhuma sessão aberta");
    }

    @Test
    void when_a_guest_has_only_a_cpf_then_the_list_is_refused_with_exit_6_and_a_wrong_pair_is_not_found() {
        Run comprar = cli("comprar", "--caminho", "São Paulo,A,Curitiba", "--cpf", CPF);
        assertThat(comprar.code).as(comprar.err).isZero();
        String localizador = localizadorIn(comprar);

        Run byCpf = cli("passagens", "--cpf", CPF);
        Run wrongPair = cli("passagens", "--localizador", localizador, "--cpf", OTHER_CPF);
        Run cancelWrong = cli("cancelar", localizador, "--cpf", OTHER_CPF);

        assertThat(byCpf.code).isEqualTo(6);
        assertThat(byCpf.out).doesNotContain(localizador);
        assertThat(byCpf.err).contains("passcom cli login").contains("--localizador");
        assertThat(wrongPair.code).isEqualTo(2);
        assertThat(wrongPair.err).contains("Reserva não encontrada").doesNotContain(localizador);
        assertThat(cancelWrong.code).isEqualTo(2);
        assertThat(cli("passagens", "--localizador", localizador.toLowerCase(java.util.Locale.ROOT), "--cpf", CPF).out).contains(localizador);
    }

    @Test
    void when_the_password_is_wrong_or_the_cpf_taken_then_it_says_so_and_keeps_no_session() {
        assertThat(cliWithInput(PASSWORD + "\n", "cadastro", "--cpf", CPF, "--nome", "Ana", "--email", "ana@example.com", "--senha-stdin").code)
                .isZero();

        Run again = cliWithInput(PASSWORD + "\n", "cadastro", "--cpf", CPF, "--nome", "Outra", "--email", "outra@example.com", "--senha-stdin");
        Run wrong = cliWithInput("senha-errada-123\n", "login", "--cpf", CPF, "--senha-stdin");
        Run shortPassword = cliWithInput("curta\n", "cadastro", "--cpf", OTHER_CPF, "--nome", "Bia", "--email", "bia@example.com", "--senha-stdin");

        assertThat(again.code).isEqualTo(2);
        assertThat(again.err).contains("Já existe uma conta para este CPF");
        assertThat(wrong.code).isEqualTo(6);
        assertThat(wrong.err).contains("CPF ou senha inválidos").doesNotContain("senha-errada");
        assertThat(dir.resolve("xdg-state/passcom/sessao.json")).doesNotExist();
        assertThat(shortPassword.code).isEqualTo(2);
        assertThat(shortPassword.err).contains("senha");
    }

    @Test
    void when_the_saved_token_has_expired_then_the_next_command_renews_it_and_keeps_the_new_pair() throws IOException {
        cliWithInput(PASSWORD + "\n", "cadastro", "--cpf", CPF, "--nome", "Ana", "--email", "ana@example.com", "--senha-stdin");
        assertThat(cliWithInput(PASSWORD + "\n", "login", "--cpf", CPF, "--senha-stdin").code).isZero();
        Path session = dir.resolve("xdg-state/passcom/sessao.json");
        ObjectNode saved = (ObjectNode) Json.mapper().readTree(session.toFile());
        String firstRefresh = saved.get("sessao").get("renovacao").asText();
        // as if the program last ran 20 minutes ago: the access token's expiry has passed
        ((ObjectNode) saved.get("sessao")).put("expira_em", Instant.now().minusSeconds(300).toString());
        Files.writeString(session, Json.mapper().writeValueAsString(saved));

        Run passagens = cli("passagens");

        assertThat(passagens.code).as(passagens.err).isZero();
        JsonNode renewed = Json.mapper().readTree(session.toFile()).get("sessao");
        assertThat(renewed.get("renovacao").asText()).isNotEqualTo(firstRefresh);
        assertThat(Instant.parse(renewed.get("expira_em").asText())).isAfter(Instant.now());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(session))).isEqualTo("rw-------");
    }

    @Test
    void when_the_refresh_token_was_revoked_then_the_command_exits_6_and_forgets_the_session() throws IOException {
        cliWithInput(PASSWORD + "\n", "cadastro", "--cpf", CPF, "--nome", "Ana", "--email", "ana@example.com", "--senha-stdin");
        assertThat(cliWithInput(PASSWORD + "\n", "login", "--cpf", CPF, "--senha-stdin").code).isZero();
        Path session = dir.resolve("xdg-state/passcom/sessao.json");
        String kept = Files.readString(session);
        assertThat(cli("logout").code).isZero();
        // a copy of the session made before the logout, now expired: its refresh token no longer works
        ObjectNode stale = (ObjectNode) Json.mapper().readTree(kept);
        ((ObjectNode) stale.get("sessao")).put("expira_em", Instant.now().minusSeconds(300).toString());
        Files.writeString(session, Json.mapper().writeValueAsString(stale));

        Run passagens = cli("passagens");

        assertThat(passagens.code).isEqualTo(6);
        assertThat(passagens.err).contains("A sessão terminou").contains("passcom cli login");
        assertThat(session).doesNotExist();
    }

    @Test
    void when_help_or_completion_is_asked_then_every_subcommand_is_there() {
        Run help = cli("--help");
        assertThat(help.code).isZero();
        assertThat(help.out).contains("rotas").contains("comprar").contains("passagens").contains("cancelar").contains("saude")
                .contains("Códigos de saída");
        assertThat(help.out).contains("cadastro").contains("login").contains("logout").contains("não autenticado");
        for (String command : List.of("rotas", "assentos", "comprar", "passagens", "cancelar", "cadastro", "login", "logout", "conta", "saude")) {
            assertThat(cli(command, "--help").code).isZero();
        }
        Run completion = cli("generate-completion");
        assertThat(completion.out).contains("complete -F").contains("comprar").contains("--origem");
    }

    private static String localizadorIn(Run comprar) {
        return comprar.out.lines().filter(l -> l.startsWith("Localizador: ")).findFirst().orElseThrow().substring(13).strip();
    }

    private Run cli(String... args) {
        return cliWithInput("", args);
    }

    /** Runs with {@code stdin} as standard input (what {@code --senha-stdin} reads) and no terminal. */
    private Run cliWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PasscomCli.run(args, env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int code, String out, String err) {
    }
}
