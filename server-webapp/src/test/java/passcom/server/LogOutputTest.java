package passcom.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class LogOutputTest {

    @Test
    void when_json_is_chosen_then_each_line_is_a_json_object_with_the_transaction_id() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            LogOutput.use(ServerFlags.LogFormat.JSON);
            MDC.put("txn", "0b6c1c7e-1d2f-4e0a-9d51-3f2a5c7e8b90");
            LoggerFactory.getLogger("passcom.test").info("purchase {} COMMITTED", "ABC123");
        } finally {
            MDC.clear();
            LogOutput.use(ServerFlags.LogFormat.TEXT);
            System.setOut(original);
        }

        String line = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("ABC123")).findFirst().orElseThrow();
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("loggerName").asText()).isEqualTo("passcom.test");
        assertThat(json.get("formattedMessage").asText()).isEqualTo("purchase ABC123 COMMITTED");
        assertThat(json.get("mdc").get("txn").asText()).isEqualTo("0b6c1c7e-1d2f-4e0a-9d51-3f2a5c7e8b90");
    }

    @Test
    void when_text_is_chosen_again_then_a_line_names_level_transaction_logger_and_message() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            LogOutput.use(ServerFlags.LogFormat.JSON);
            LogOutput.use(ServerFlags.LogFormat.TEXT);
            MDC.put("txn", "7f1c");
            LoggerFactory.getLogger("passcom.test.Compra").info("purchase {} COMMITTED", "XYZ789");
            MDC.clear();
            LoggerFactory.getLogger("passcom.test.Compra").info("no transaction here");
        } finally {
            MDC.clear();
            System.setOut(original);
        }

        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).containsPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO +txn=7f1c Compra - purchase XYZ789 COMMITTED");
        assertThat(out).containsPattern("INFO +Compra - no transaction here");
    }
}
