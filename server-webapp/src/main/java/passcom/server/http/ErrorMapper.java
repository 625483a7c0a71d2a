package passcom.server.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passcom.api.Codigo;
import passcom.api.Erro;
import passcom.api.TrechoAssento;
import passcom.core.InvalidRequest;
import passcom.core.NotFound;
import passcom.core.account.AccountExists;
import passcom.core.account.LoginRefused;
import passcom.core.seat.SeatOnLeg;
import passcom.core.store.StoreFailure;
import passcom.core.txn.AirlineUnreachable;
import passcom.core.txn.ConflictingDecision;
import passcom.core.txn.NotTheCoordinator;
import passcom.core.txn.CancelOutcome;
import passcom.core.txn.PurchaseOutcome;

/**
 * The one place where failures become HTTP answers. An exception is looked up by its class, then each
 * superclass in turn (Javalin's ExceptionMapper idea), so a new subclass of {@link InvalidRequest} is a 400
 * without touching this file. Purchase and cancellation outcomes that are not successes map here too.
 *
 * <p>Every answer names its {@link Codigo}, and its status is the code's, so the two cannot disagree.
 *
 * <p>Following Maelstrom's rule, no answer claims more than is known: 409 and 503 are only used for
 * outcomes where the core guarantees nothing changed. Anything unexpected is a 500 with a generic message
 * and one log line with the stack; a stack trace never reaches a response body.
 */
public final class ErrorMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    static final String STORE_UNAVAILABLE = "armazenamento indisponível: a operação não foi concluída. "
            + "Tente novamente em instantes; numa compra, repita com o mesmo id_pedido para não comprar duas vezes.";
    static final String INTERNAL = "Erro interno do servidor; a operação pode ser repetida. Se persistir, avise o suporte.";

    private static final Map<Class<? extends Throwable>, Function<Throwable, Reply>> BY_CLASS = new LinkedHashMap<>();

    static {
        on(MalformedRequest.class, Codigo.REQUISICAO_INVALIDA);
        on(InvalidRequest.class, Codigo.REQUISICAO_INVALIDA);
        on(Unauthenticated.class, Codigo.NAO_AUTENTICADO);
        on(Forbidden.class, Codigo.PROIBIDO);
        on(NotYours.class, Codigo.PROIBIDO);
        on(NotFound.class, Codigo.NAO_ENCONTRADO);
        on(UnknownPath.class, Codigo.NAO_ENCONTRADO);
        on(MethodNotAllowed.class, Codigo.METODO_NAO_PERMITIDO);
        on(PayloadTooLarge.class, Codigo.CORPO_GRANDE_DEMAIS);
        on(AirlineUnreachable.class, Codigo.COMPANHIA_INDISPONIVEL);
        on(ConflictingDecision.class, Codigo.DECISAO_CONFLITANTE);
        on(AccountExists.class, Codigo.CONTA_EXISTENTE);
        BY_CLASS.put(LoginRefused.class, ErrorMapper::bearerChallenge);
        BY_CLASS.put(InvalidToken.class, ErrorMapper::bearerChallenge);
        BY_CLASS.put(TooManyRequests.class, e -> new Reply(Codigo.MUITAS_TENTATIVAS.status(), Erro.of(Codigo.MUITAS_TENTATIVAS, e.getMessage()),
                Map.of("Retry-After", String.valueOf(((TooManyRequests) e).retryAfterSeconds()))));
        BY_CLASS.put(NotTheCoordinator.class, e -> reply(new Forbidden(e.getMessage())));
        BY_CLASS.put(StoreFailure.class, ErrorMapper::storeFailure);
        BY_CLASS.put(CompletionException.class, e -> e.getCause() == null ? unexpected(e) : reply(e.getCause()));
        BY_CLASS.put(ExecutionException.class, e -> e.getCause() == null ? unexpected(e) : reply(e.getCause()));
    }

    private ErrorMapper() {
    }

    private static void on(Class<? extends Throwable> type, Codigo codigo) {
        BY_CLASS.put(type, e -> error(codigo, Erro.of(codigo, e.getMessage())));
    }

    /** An answer whose status is its code's: the two never disagree. */
    private static Reply error(Codigo codigo, Erro body) {
        return new Reply(codigo.status(), body);
    }

    /** The answer for a failure: the handler of its class or nearest superclass, else 500. */
    public static Reply reply(Throwable failure) {
        for (Class<?> c = failure.getClass(); c != null; c = c.getSuperclass()) {
            Function<Throwable, Reply> handler = BY_CLASS.get(c);
            if (handler != null) {
                return handler.apply(failure);
            }
        }
        return unexpected(failure);
    }

    /**
     * The answer for a purchase that did not buy: each outcome has one {@link Codigo}, and the status is the code's.
     * {@code Bought} is not an error: the servlet answers it. A repeat of the same {@code id_pedido} gets the same
     * outcome, so the same code (docs/purchase-protocol.md, "Outcomes on the wire").
     */
    public static Reply reply(PurchaseOutcome outcome) {
        if (outcome instanceof PurchaseOutcome.SoldOut soldOut) {
            return error(Codigo.ESGOTADO, new Erro(Codigo.ESGOTADO.name(), Erro.CAMINHO_INDISPONIVEL, soldOut.reason(), null, null));
        }
        if (outcome instanceof PurchaseOutcome.SeatTaken taken) {
            SeatOnLeg seat = taken.seat();
            return error(Codigo.ASSENTO_OCUPADO, new Erro(Codigo.ASSENTO_OCUPADO.name(), Erro.ASSENTO_INDISPONIVEL,
                    "Assento indisponível: " + taken.reason() + ". Nada foi comprado.", null,
                    seat == null ? null : new TrechoAssento(seat.segment().origin(), seat.segment().destination(), seat.airline(), seat.seat())));
        }
        if (outcome instanceof PurchaseOutcome.Unreachable unreachable) {
            return error(Codigo.INDISPONIVEL_NADA_COMPRADO, Erro.of(Codigo.INDISPONIVEL_NADA_COMPRADO,
                    "A companhia " + unreachable.airline() + " não respondeu; nada foi comprado. Tente novamente em instantes com um novo pedido."));
        }
        if (outcome instanceof PurchaseOutcome.NotBought notBought) {
            return error(Codigo.NADA_COMPRADO, Erro.of(Codigo.NADA_COMPRADO, "Nada foi comprado: " + notBought.reason()
                    + ". Para tentar de novo, faça um novo pedido."));
        }
        if (outcome instanceof PurchaseOutcome.InProgress inProgress) {
            return error(Codigo.EM_ANDAMENTO, new Erro(Codigo.EM_ANDAMENTO.name(), null,
                    "O pedido " + inProgress.requestId() + " ainda está sendo processado; consulte de novo com o mesmo id_pedido.",
                    inProgress.requestId(), null));
        }
        throw new IllegalArgumentException("not an error outcome: " + outcome);
    }

    /** The answer for a cancellation that did not cancel. {@code Cancelled} is answered by the servlet. */
    public static Reply reply(CancelOutcome outcome) {
        if (outcome instanceof CancelOutcome.Refused refused) {
            return error(Codigo.CANCELAMENTO_RECUSADO, Erro.of(Codigo.CANCELAMENTO_RECUSADO, "Cancelamento recusado: " + refused.reason() + ". Nada mudou."));
        }
        if (outcome instanceof CancelOutcome.Unreachable unreachable) {
            return error(Codigo.INDISPONIVEL_NADA_CANCELADO, Erro.of(Codigo.INDISPONIVEL_NADA_CANCELADO,
                    "A companhia " + unreachable.airline() + " não respondeu; nada foi cancelado. Tente novamente em instantes."));
        }
        throw new IllegalArgumentException("not an error outcome: " + outcome);
    }

    /** 401 for a customer: sign in (again). RFC 6750 §3 asks for the challenge. */
    private static Reply bearerChallenge(Throwable failure) {
        return new Reply(Codigo.NAO_AUTENTICADO.status(), Erro.of(Codigo.NAO_AUTENTICADO, failure.getMessage()), Map.of("WWW-Authenticate", "Bearer"));
    }

    /** Nothing was committed (StoreFailure's contract), so a retry is safe; the cause stays in the log. */
    private static Reply storeFailure(Throwable failure) {
        LOG.error("store failure answered with 503", failure);
        return error(Codigo.ARMAZENAMENTO_INDISPONIVEL, Erro.of(Codigo.ARMAZENAMENTO_INDISPONIVEL, STORE_UNAVAILABLE));
    }

    private static Reply unexpected(Throwable failure) {
        LOG.error("unexpected failure answered with 500", failure);
        return error(Codigo.DESCONHECIDO, Erro.of(Codigo.DESCONHECIDO, INTERNAL));
    }
}
