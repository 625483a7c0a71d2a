package passcom.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The accounts bodies carry the field names of the wire contract (docs/openapi.yaml, issue 16). */
class AccountsWireTest {

    @Test
    void when_a_session_is_written_then_its_fields_are_token_expira_em_and_renovacao() throws Exception {
        JsonNode json = Json.mapper().valueToTree(new Sessao("jwt", Instant.parse("2026-12-06T18:00:00Z"), "r1"));

        assertThat(json.get("token").asText()).isEqualTo("jwt");
        assertThat(json.get("expira_em").asText()).isEqualTo("2026-12-06T18:00:00Z");
        assertThat(json.get("renovacao").asText()).isEqualTo("r1");
    }

    @Test
    void when_an_account_export_is_written_then_it_has_criada_em_and_companhias_indisponiveis() {
        JsonNode json = Json.mapper().valueToTree(new ContaDados("52998224725", "Ana", "ana@example.com", "A",
                Instant.parse("2026-12-06T18:00:00Z"), List.of(), List.of("C")));

        assertThat(json.get("criada_em").asText()).isEqualTo("2026-12-06T18:00:00Z");
        assertThat(json.get("companhias_indisponiveis").get(0).asText()).isEqualTo("C");
        assertThat(json.get("passagens").isArray()).isTrue();
    }

    @Test
    void when_a_cadastro_is_read_then_every_field_arrives() throws Exception {
        PedidoCadastro pedido = Json.mapper().readValue(
                "{\"cpf\":\"52998224725\",\"nome\":\"Ana\",\"email\":\"ana@example.com\",\"senha\":\"s3nha-longa!\"}",
                PedidoCadastro.class);

        assertThat(pedido.senha()).isEqualTo("s3nha-longa!");
        assertThat(pedido.nome()).isEqualTo("Ana");
    }

    @Test
    void when_a_request_with_a_password_is_printed_then_the_password_is_not_in_it() {
        assertThat(new PedidoLogin("52998224725", "s3nha-longa!").toString()).doesNotContain("s3nha");
        assertThat(new PedidoCadastro("52998224725", "Ana", "a@b.c", "s3nha-longa!").toString()).doesNotContain("s3nha");
        assertThat(new PedidoExclusaoConta("s3nha-longa!").toString()).doesNotContain("s3nha");
    }
}
