package passcom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @TempDir
    Path dir;
    private Cluster cluster;
    private final Map<String, String> env = new LinkedHashMap<>();

    @BeforeEach
    void start() {
        cluster = Cluster.start(Networks.withSeats(Networks.defaultNetwork(), "A", "São Paulo", "Curitiba", 1), dir.resolve("cluster"), "A", "B", "C");
        env.put("PASSCOM_SERVERS", "A=" + cluster.uri("A") + ",B=" + cluster.uri("B") + ",C=" + cluster.uri("C"));
        env.put("PASSCOM_CLI_STATE", dir.resolve("state/ultima-consulta.json").toString());
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

        Run passagens = cli("passagens", "--cpf", CPF);
        assertThat(passagens.code).isZero();
        assertThat(passagens.out).contains(localizador).contains("São Paulo —");

        Run cancelar = cli("cancelar", localizador, "--cpf", CPF);
        assertThat(cancelar.code).as(cancelar.err).isZero();
        assertThat(cancelar.out).contains("Passagem cancelada").contains(localizador);
        assertThat(cli("passagens", "--cpf", CPF).out).contains("Nenhuma passagem.");
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

        JsonNode listed = Json.mapper().readTree(cli("passagens", "--cpf", CPF, "--json").out);
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
        assertThat(cli("passagens", "--cpf", OTHER_CPF).out).contains("Nenhuma passagem.");
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
        assertThat(cli("passagens", "--cpf", "390.533.447-05").out).contains("Nenhuma passagem.");
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
        assertThat(cli("passagens", "--cpf", CPF, "--json").out).containsOnlyOnce("\"localizador\"");
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
    void when_help_or_completion_is_asked_then_every_subcommand_is_there() {
        Run help = cli("--help");
        assertThat(help.code).isZero();
        assertThat(help.out).contains("rotas").contains("comprar").contains("passagens").contains("cancelar").contains("saude")
                .contains("Códigos de saída");
        for (String command : List.of("rotas", "assentos", "comprar", "passagens", "cancelar", "saude")) {
            assertThat(cli(command, "--help").code).isZero();
        }
        Run completion = cli("generate-completion");
        assertThat(completion.out).contains("complete -F").contains("comprar").contains("--origem");
    }

    private Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PasscomCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int code, String out, String err) {
    }
}
