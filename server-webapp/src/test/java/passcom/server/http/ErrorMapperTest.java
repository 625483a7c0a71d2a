package passcom.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import passcom.api.Codigo;
import passcom.api.Erro;
import passcom.core.route.Segment;
import passcom.core.seat.SeatOnLeg;
import passcom.core.InvalidRequest;
import passcom.core.NotFound;
import passcom.core.cpf.InvalidCpf;
import passcom.core.route.UnknownCity;
import passcom.core.route.UnknownSegment;
import passcom.core.store.StoreFailure;
import passcom.core.txn.AirlineUnreachable;
import passcom.core.txn.ConflictingDecision;
import passcom.core.txn.CancelOutcome;
import passcom.core.txn.PurchaseOutcome;

class ErrorMapperTest {

    @Test
    void when_the_request_is_invalid_or_any_subclass_then_400_with_its_message() {
        assertThat(ErrorMapper.reply(new InvalidRequest("informe a origem"))).isEqualTo(new Reply(400, Erro.of("informe a origem")));
        assertThat(ErrorMapper.reply(new InvalidCpf("123", "curto")).status()).isEqualTo(400);
        assertThat(ErrorMapper.reply(new UnknownCity("Recif"))).isEqualTo(new Reply(400, Erro.of("Cidade desconhecida: 'Recif'")));
        assertThat(ErrorMapper.reply(new UnknownSegment("sem trecho")).status()).isEqualTo(400);
        assertThat(ErrorMapper.reply(new MalformedRequest("Falta o campo 'cpf'")).status()).isEqualTo(400);
    }

    @Test
    void when_a_subclass_nobody_registered_appears_then_its_nearest_superclass_decides() {
        class SeatRowMissing extends NotFound {
            SeatRowMissing() {
                super("não há essa fileira");
            }
        }

        assertThat(ErrorMapper.reply(new SeatRowMissing())).isEqualTo(new Reply(404, Erro.of("não há essa fileira")));
    }

    @Test
    void when_transport_failures_happen_then_401_405_413_and_404_for_unknown_paths() {
        assertThat(ErrorMapper.reply(new Unauthenticated("assinatura inválida")).status()).isEqualTo(401);
        assertThat(ErrorMapper.reply(new MethodNotAllowed("PUT", "GET")).status()).isEqualTo(405);
        assertThat(ErrorMapper.reply(new PayloadTooLarge()).status()).isEqualTo(413);
        assertThat(ErrorMapper.reply(new UnknownPath("/x")).status()).isEqualTo(404);
    }

    @Test
    void when_an_airline_is_unreachable_then_503_naming_it_even_inside_a_completion_exception() {
        Reply reply = ErrorMapper.reply(new CompletionException(new AirlineUnreachable("C", "conexão recusada")));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(((Erro) reply.body()).erro()).contains("C");
    }

    @Test
    void when_the_store_fails_then_503_in_portuguese_without_the_cause_even_inside_a_completion_exception() {
        StoreFailure failure = new StoreFailure("SQLITE_BUSY on /var/passcom/A/passcom.db", new SQLException("database is locked"));

        Reply direct = ErrorMapper.reply(failure);
        Reply wrapped = ErrorMapper.reply(new CompletionException(failure));

        assertThat(direct.status()).isEqualTo(503);
        assertThat(((Erro) direct.body()).erro()).startsWith("armazenamento indisponível:")
                .doesNotContain("SQLITE").doesNotContain("locked").doesNotContain("Exception");
        assertThat(wrapped).isEqualTo(direct);
    }

    @Test
    void when_a_phase_two_message_contradicts_the_recorded_decision_then_409_with_its_message() {
        Reply reply = ErrorMapper.reply(new ConflictingDecision("txn t-1 foi abortada aqui; COMMIT recusado"));

        assertThat(reply).isEqualTo(new Reply(409, Erro.of(Codigo.DECISAO_CONFLITANTE, "txn t-1 foi abortada aqui; COMMIT recusado")));
    }

    @Test
    void when_something_unexpected_fails_then_500_with_a_generic_message_and_no_internals() {
        Reply reply = ErrorMapper.reply(new IllegalStateException("pool exhausted at com.zaxxer.Secret"));

        assertThat(reply.status()).isEqualTo(500);
        assertThat(((Erro) reply.body()).erro()).isEqualTo(ErrorMapper.INTERNAL).doesNotContain("pool");
    }

    @Test
    void when_a_purchase_does_not_buy_then_409_sold_out_503_unreachable_409_in_progress_with_the_id() {
        assertThat(ErrorMapper.reply(new PurchaseOutcome.SoldOut("sem assento em A → B (C)")))
                .isEqualTo(new Reply(409, new Erro("ESGOTADO", "Caminho indisponível", "sem assento em A → B (C)", null, null)));
        Reply unreachable = ErrorMapper.reply(new PurchaseOutcome.Unreachable("B"));
        Reply inProgress = ErrorMapper.reply(new PurchaseOutcome.InProgress("pedido-7"));

        assertThat(unreachable.status()).isEqualTo(503);
        assertThat(((Erro) unreachable.body()).erro()).contains("B").contains("nada foi comprado");
        assertThat(inProgress.status()).isEqualTo(409);
        assertThat(((Erro) inProgress.body()).idPedido()).isEqualTo("pedido-7");
        assertThat(((Erro) inProgress.body()).erro()).contains("sendo processado");
    }

    @Test
    void when_a_cancellation_does_not_cancel_then_409_refused_or_503_unreachable() {
        assertThat(ErrorMapper.reply(new CancelOutcome.Refused("já cancelada")).status()).isEqualTo(409);
        Reply unreachable = ErrorMapper.reply(new CancelOutcome.Unreachable("A"));

        assertThat(unreachable.status()).isEqualTo(503);
        assertThat(((Erro) unreachable.body()).erro()).contains("A").contains("nada foi cancelado");
    }

    @Test
    void when_a_purchase_does_not_buy_then_each_outcome_names_its_own_codigo_and_the_status_is_the_codes() {
        SeatOnLeg seat = new SeatOnLeg("B", new Segment.Key("Cuiabá", "Goiânia"), 7);

        assertThat(codeAndStatus(ErrorMapper.reply(new PurchaseOutcome.SoldOut("sem assento")))).isEqualTo("ESGOTADO 409");
        assertThat(codeAndStatus(ErrorMapper.reply(new PurchaseOutcome.SeatTaken("o assento 7", seat)))).isEqualTo("ASSENTO_OCUPADO 409");
        assertThat(codeAndStatus(ErrorMapper.reply(new PurchaseOutcome.Unreachable("C")))).isEqualTo("INDISPONIVEL_NADA_COMPRADO 503");
        assertThat(codeAndStatus(ErrorMapper.reply(new PurchaseOutcome.NotBought("a companhia B recusou o pedido (HTTP 400): x"))))
                .isEqualTo("NADA_COMPRADO 409");
        assertThat(codeAndStatus(ErrorMapper.reply(new PurchaseOutcome.InProgress("pedido-7")))).isEqualTo("EM_ANDAMENTO 409");
        assertThat(codeAndStatus(ErrorMapper.reply(new IllegalStateException("boom")))).isEqualTo("DESCONHECIDO 500");
        assertThat(codeAndStatus(ErrorMapper.reply(new CancelOutcome.Unreachable("C")))).isEqualTo("INDISPONIVEL_NADA_CANCELADO 503");
    }

    @Test
    void when_an_error_body_is_written_without_a_code_then_it_gets_its_status_s_code() {
        assertThat(((Erro) new Reply(429, Erro.of("devagar")).body()).codigo()).isEqualTo("MUITAS_TENTATIVAS");
        assertThat(((Erro) new Reply(401, Erro.of("entre de novo")).body()).codigo()).isEqualTo("NAO_AUTENTICADO");
        assertThat(((Erro) new Reply(400, Erro.of(Codigo.REQUISICAO_INVALIDA, "x")).body()).codigo()).isEqualTo("REQUISICAO_INVALIDA");
    }

    private static String codeAndStatus(Reply reply) {
        Erro erro = (Erro) reply.body();
        assertThat(Codigo.parse(erro.codigo())).as("a known code").isNotNull();
        assertThat(Codigo.parse(erro.codigo()).status()).as("the status is the code's").isEqualTo(reply.status());
        return erro.codigo() + " " + reply.status();
    }
}
