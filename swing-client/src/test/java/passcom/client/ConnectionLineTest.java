package passcom.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import passcom.client.api.ServerEndpoint;
import passcom.client.api.ServerStatus;
import passcom.client.i18n.Messages;

/**
 * The window's bottom line agrees with the connected server's health dot: it said "Conectado ao servidor A" under a
 * red dot and a banner "Conexão recusada: o servidor A apresentou um certificado que este computador não reconhece".
 */
class ConnectionLineTest {

    private static final ServerEndpoint A = new ServerEndpoint("A", URI.create("https://127.0.0.1:46433"));

    @AfterEach
    void backToPortuguese() {
        Messages.use(Messages.PORTUGUESE);
    }

    @Test
    void when_the_connected_server_refuses_or_does_not_answer_then_the_line_does_not_say_connected() {
        String line = ConnectionLine.text(A, ServerStatus.DOWN);

        assertThat(line).doesNotContain("Conectado").startsWith("Sem conexão com o servidor A");
    }

    @Test
    void when_the_connected_server_answers_its_health_check_then_the_line_says_connected() {
        assertThat(ConnectionLine.text(A, ServerStatus.UP)).startsWith("Conectado ao servidor A");
    }

    @Test
    void when_the_first_health_check_has_not_come_back_then_the_line_says_connecting() {
        assertThat(ConnectionLine.text(A, ServerStatus.UNKNOWN)).startsWith("Conectando ao servidor A");
        Messages.use(Messages.localeFor("en"));
        assertThat(ConnectionLine.text(A, ServerStatus.DOWN)).startsWith("No connection to server A");
    }
}
