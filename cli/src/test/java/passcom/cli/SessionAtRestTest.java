package passcom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passcom.api.Sessao;

/**
 * The session of {@code login} at rest: where it lives, that only its owner can read it, and what the commands
 * that need it, or a password, say before any server is asked.
 */
class SessionAtRestTest {

    private static final String CPF = "52998224725";

    @TempDir
    Path dir;

    @Test
    void when_no_state_dir_is_named_then_the_session_lives_in_the_xdg_state_dir_or_under_home() {
        assertThat(SavedSession.file(Map.of("XDG_STATE_HOME", "/x"))).isEqualTo(Path.of("/x/passcom/sessao.json"));
        assertThat(SavedSession.file(Map.of("HOME", "/home/ana"))).isEqualTo(Path.of("/home/ana/.local/state/passcom/sessao.json"));
    }

    @Test
    void when_a_session_is_saved_then_only_its_owner_can_read_it_and_it_reads_back_whole() throws Exception {
        assumeTrue(StateDir.posix(), "POSIX permissions");
        Path file = dir.resolve("state/passcom/sessao.json");
        Sessao sessao = new Sessao("jwt-1", Instant.parse("2026-12-06T18:15:00Z"), "r-1");

        new SavedSession(CPF, sessao).save(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(SavedSession.load(file)).hasValueSatisfying(saved -> {
            assertThat(saved.cpf()).isEqualTo(CPF);
            assertThat(saved.sessao()).isEqualTo(sessao);
        });
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void when_the_state_dir_already_exists_open_to_others_then_saving_a_session_closes_it() throws Exception {
        assumeTrue(StateDir.posix(), "POSIX permissions");
        Path passcom = Files.createDirectories(dir.resolve("passcom"));
        Files.setPosixFilePermissions(passcom, PosixFilePermissions.fromString("rwxr-xr-x"));

        new SavedSession(CPF, new Sessao("jwt", Instant.parse("2026-12-06T18:15:00Z"), "r")).save(passcom.resolve("sessao.json"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passcom))).isEqualTo("rwx------");
    }

    @Test
    void when_the_session_file_is_damaged_then_the_command_says_so_and_how_to_recover() throws Exception {
        Path file = Files.createDirectories(dir.resolve("passcom")).resolve("sessao.json");
        Files.writeString(file, "{\"cpf\":");

        Run run = cli("", "passagens");

        assertThat(run.code).isEqualTo(Exit.BAD_INPUT);
        assertThat(run.err).contains("ilegível").contains("passcom cli login");
    }

    @Test
    void when_nothing_identifies_the_customer_then_passagens_cancelar_and_conta_say_what_to_do_and_exit_2() {
        Run passagens = cli("", "passagens");
        Run cancelar = cli("", "cancelar", "ABC123");
        Run byLocalizador = cli("", "passagens", "--localizador", "ABC123");
        Run conta = cli("", "conta");

        assertThat(passagens.code).isEqualTo(Exit.BAD_INPUT);
        assertThat(passagens.err).contains("passcom cli login").contains("--localizador");
        assertThat(cancelar.code).isEqualTo(Exit.BAD_INPUT);
        assertThat(cancelar.err).contains("passcom cli login").contains("--cpf");
        assertThat(byLocalizador.code).isEqualTo(Exit.BAD_INPUT);
        assertThat(byLocalizador.err).contains("--cpf");
        assertThat(conta.code).isEqualTo(Exit.BAD_INPUT);
        assertThat(conta.err).contains("passcom cli login");
    }

    @Test
    void when_there_is_no_terminal_and_no_senha_stdin_then_login_and_cadastro_refuse_before_asking_a_server() {
        Run login = cli("", "login", "--cpf", CPF, "--servidor", "http://127.0.0.1:9");
        Run cadastro = cli("", "cadastro", "--cpf", CPF, "--nome", "Ana", "--email", "ana@example.com", "--servidor", "http://127.0.0.1:9");

        assertThat(login.code).isEqualTo(Exit.BAD_INPUT);
        assertThat(login.err).contains("--senha-stdin");
        assertThat(cadastro.code).isEqualTo(Exit.BAD_INPUT);
        assertThat(Files.exists(SavedSession.file(Map.of("XDG_STATE_HOME", dir.toString())))).isFalse();
    }

    @Test
    void when_a_password_is_given_on_the_command_line_then_it_is_refused_as_an_unknown_option() {
        Run run = cli("", "login", "--cpf", CPF, "--senha", "uma senha longa");

        assertThat(run.code).isEqualTo(Exit.BAD_INPUT);
        assertThat(run.err).contains("--senha");
    }

    @Test
    void when_senha_stdin_is_given_then_the_first_line_is_the_password_and_an_empty_input_is_refused() throws Exception {
        PasswordInput input = new PasswordInput(true, new ByteArrayInputStream("uma senha longa\nresto\n".getBytes(StandardCharsets.UTF_8)), null);
        PasswordInput empty = new PasswordInput(true, new ByteArrayInputStream(new byte[0]), null);

        assertThat(input.read("Senha: ", true)).isEqualTo("uma senha longa");
        assertThatThrownBy(() -> empty.read("Senha: ", false)).isInstanceOf(BadInput.class).hasMessageContaining("--senha-stdin");
    }

    @Test
    void when_logged_out_without_a_session_then_it_says_so_and_exits_0() {
        Run run = cli("", "logout");

        assertThat(run.code).isZero();
        assertThat(run.out).contains("Nenhuma sessão aberta");
    }

    private Run cli(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PasscomCli.run(args, Map.of("XDG_STATE_HOME", dir.toString(), "PASSCOM_SERVERS", "A=http://127.0.0.1:9"),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int code, String out, String err) {
    }
}
