package passcom.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import passcom.api.CpfCheck;

/**
 * LGPD (issue 16 §7): a whole accounts scenario on three in-JVM airlines, with every passcom logger at
 * DEBUG, and every log line it produced (message, MDC, logger and stack trace) read back: none holds a CPF
 * (with or without punctuation), a customer's name, e-mail or password.
 */
class PersonalDataLogIT {

    private static final String NAME = "Ximena Quaresma";
    private static final String EMAIL = "ximena.quaresma@example.com";
    private static final String PASSWORD = "girassol-trovao-azul";
    private static final String WRONG = "zebra-quintal-vermelho";

    @TempDir
    Path dir;

    @Test
    void when_a_whole_accounts_scenario_runs_then_no_log_line_holds_a_cpf_a_name_or_a_password() {
        String cpf = Buyers.cpf(4242);
        String passenger = Buyers.cpf(4243);
        String stranger = Buyers.cpf(4244);
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        List<String> references = new ArrayList<>();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger passcom = context.getLogger("passcom");
        Level before = passcom.getLevel();
        AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                lines.add(event.getLoggerName() + " " + event.getMDCPropertyMap() + " " + event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : " " + ThrowableProxyUtil.asString(event.getThrowableProxy())));
            }
        };
        capture.setContext(context);
        capture.start();
        root.addAppender(capture);
        passcom.setLevel(Level.DEBUG);
        try (Cluster cluster = Cluster.startWithAccounts(Networks.defaultNetwork(), dir, "A", "B", "C");
             Caller caller = new Caller("127.0.0.3")) {
            Map<String, Object> cadastro = Map.of("cpf", CpfCheck.formatted(cpf), "nome", NAME, "email", EMAIL, "senha", PASSWORD);
            assertThat(caller.post(cluster.uri("A"), "/cadastro", cadastro, null).status()).isEqualTo(201);
            assertThat(caller.post(cluster.uri("C"), "/cadastro", cadastro, null).status()).isEqualTo(409);
            assertThat(caller.post(cluster.uri("B"), "/cadastro", Map.of("cpf", stranger, "nome", NAME, "email", EMAIL, "senha", "1234567890"), null)
                    .status()).isEqualTo(400);
            assertThat(caller.post(cluster.uri("B"), "/login", Map.of("cpf", cpf, "senha", WRONG), null).status()).isEqualTo(401);
            assertThat(caller.post(cluster.uri("C"), "/login", Map.of("cpf", stranger, "senha", WRONG), null).status()).isEqualTo(401);
            Caller.Answer session = caller.post(cluster.uri("B"), "/login", Map.of("cpf", cpf, "senha", PASSWORD), null);
            String token = session.json().get("token").asText();
            Caller.Answer bought = caller.post(cluster.uri("C"), "/comprar_cliente", Map.of("caminho", List.of(List.of("A"), List.of("Cuiabá", "Goiânia")),
                    "passageiros", List.of(Map.of("cpf", passenger, "nome", NAME))), token);
            assertThat(bought.status()).as(bought.body()).isEqualTo(200);
            String reference = bought.json().get("passagem").get("localizador").asText();
            references.add(reference);
            assertThat(caller.get(cluster.uri("A"), "/passagens_cliente", token).status()).isEqualTo(200);
            assertThat(caller.get(cluster.uri("A"), "/passagens_cliente?cpf=" + cpf, null).status()).isEqualTo(401);
            assertThat(caller.get(cluster.uri("B"), "/passagens_cliente?localizador=" + reference + "&cpf=" + passenger, null).status()).isEqualTo(200);
            assertThat(caller.get(cluster.uri("B"), "/passagens_cliente?localizador=" + reference + "&cpf=" + stranger, null).status()).isEqualTo(404);
            assertThat(caller.get(cluster.uri("C"), "/passagens_cliente", token + "x").status()).isEqualTo(401);
            assertThat(caller.get(cluster.uri("C"), "/conta", token).status()).isEqualTo(200);
            Caller.Answer renewed = caller.post(cluster.uri("C"), "/login/renovar", Map.of("renovacao", session.json().get("renovacao").asText()), null);
            assertThat(renewed.status()).isEqualTo(200);
            assertThat(caller.post(cluster.uri("A"), "/cancelar_cliente", Map.of("localizador", reference), token).status()).isEqualTo(200);
            assertThat(caller.post(cluster.uri("A"), "/logout", Map.of("renovacao", renewed.json().get("renovacao").asText()), null).status())
                    .isEqualTo(204);
            for (int i = 0; i < 12; i++) {
                caller.post(cluster.uri("A"), "/login", Map.of("cpf", cpf, "senha", WRONG + i), null);
            }
            assertThat(caller.delete(cluster.uri("B"), "/conta", Map.of("senha", PASSWORD), token).status()).isEqualTo(401);
        } finally {
            root.detachAppender(capture);
            passcom.setLevel(before);
        }

        assertThat(lines).as("log lines captured").hasSizeGreaterThan(20);
        assertThat(String.join("\n", lines)).as("the servers' own lines were captured (the purchase names its localizador)")
                .contains(references.get(0));
        List<String> forbidden = new ArrayList<>();
        for (String c : List.of(cpf, passenger, stranger)) {
            forbidden.add(c);
            forbidden.add(CpfCheck.formatted(c));
        }
        forbidden.addAll(List.of(NAME, EMAIL, PASSWORD, WRONG));
        for (String line : lines) {
            for (String personal : forbidden) {
                assertThat(line).as("a log line").doesNotContain(personal);
            }
        }
    }
}
