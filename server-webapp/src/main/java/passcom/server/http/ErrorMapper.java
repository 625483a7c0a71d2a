package passcom.server.http;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
        on(MalformedRequest.class, HttpServletResponse.SC_BAD_REQUEST);
        on(InvalidRequest.class, HttpServletResponse.SC_BAD_REQUEST);
        on(Unauthenticated.class, HttpServletResponse.SC_UNAUTHORIZED);
        on(Forbidden.class, HttpServletResponse.SC_FORBIDDEN);
        on(NotYours.class, HttpServletResponse.SC_FORBIDDEN);
        on(NotFound.class, HttpServletResponse.SC_NOT_FOUND);
        on(UnknownPath.class, HttpServletResponse.SC_NOT_FOUND);
        on(MethodNotAllowed.class, HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        on(PayloadTooLarge.class, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        on(AirlineUnreachable.class, HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        on(ConflictingDecision.class, HttpServletResponse.SC_CONFLICT);
        on(AccountExists.class, HttpServletResponse.SC_CONFLICT);
        BY_CLASS.put(LoginRefused.class, ErrorMapper::bearerChallenge);
        BY_CLASS.put(InvalidToken.class, ErrorMapper::bearerChallenge);
        BY_CLASS.put(TooManyRequests.class, e -> new Reply(429, Erro.of(e.getMessage()),
                Map.of("Retry-After", String.valueOf(((TooManyRequests) e).retryAfterSeconds()))));
        BY_CLASS.put(NotTheCoordinator.class, e -> reply(new Forbidden(e.getMessage())));
        BY_CLASS.put(StoreFailure.class, ErrorMapper::storeFailure);
        BY_CLASS.put(CompletionException.class, e -> e.getCause() == null ? unexpected(e) : reply(e.getCause()));
        BY_CLASS.put(ExecutionException.class, e -> e.getCause() == null ? unexpected(e) : reply(e.getCause()));
    }

    private ErrorMapper() {
    }

    private static void on(Class<? extends Throwable> type, int status) {
        BY_CLASS.put(type, e -> new Reply(status, Erro.of(e.getMessage())));
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

    /** The answer for a purchase that did not buy. {@code Bought} is not an error: the servlet answers it. */
    public static Reply reply(PurchaseOutcome outcome) {
        if (outcome instanceof PurchaseOutcome.SoldOut soldOut) {
            return new Reply(HttpServletResponse.SC_CONFLICT, new Erro(Erro.CAMINHO_INDISPONIVEL, soldOut.reason(), null));
        }
        if (outcome instanceof PurchaseOutcome.SeatTaken taken) {
            SeatOnLeg seat = taken.seat();
            return new Reply(HttpServletResponse.SC_CONFLICT, new Erro(Erro.ASSENTO_INDISPONIVEL,
                    "Assento indisponível: " + taken.reason() + ". Nada foi comprado.", null,
                    seat == null ? null : new TrechoAssento(seat.segment().origin(), seat.segment().destination(), seat.airline(), seat.seat())));
        }
        if (outcome instanceof PurchaseOutcome.Unreachable unreachable) {
            return new Reply(HttpServletResponse.SC_SERVICE_UNAVAILABLE, Erro.of(
                    "A companhia " + unreachable.airline() + " não respondeu; nada foi comprado. Tente novamente em instantes."));
        }
        if (outcome instanceof PurchaseOutcome.NotBought notBought) {
            return new Reply(HttpServletResponse.SC_CONFLICT, Erro.of("Nada foi comprado: " + notBought.reason()
                    + ". Para tentar de novo, faça um novo pedido."));
        }
        if (outcome instanceof PurchaseOutcome.InProgress inProgress) {
            return new Reply(HttpServletResponse.SC_CONFLICT, new Erro(null,
                    "O pedido " + inProgress.requestId() + " ainda está sendo processado; consulte de novo com o mesmo id_pedido.",
                    inProgress.requestId()));
        }
        throw new IllegalArgumentException("not an error outcome: " + outcome);
    }

    /** The answer for a cancellation that did not cancel. {@code Cancelled} is answered by the servlet. */
    public static Reply reply(CancelOutcome outcome) {
        if (outcome instanceof CancelOutcome.Refused refused) {
            return new Reply(HttpServletResponse.SC_CONFLICT, Erro.of("Cancelamento recusado: " + refused.reason() + ". Nada mudou."));
        }
        if (outcome instanceof CancelOutcome.Unreachable unreachable) {
            return new Reply(HttpServletResponse.SC_SERVICE_UNAVAILABLE, Erro.of(
                    "A companhia " + unreachable.airline() + " não respondeu; nada foi cancelado. Tente novamente em instantes."));
        }
        throw new IllegalArgumentException("not an error outcome: " + outcome);
    }

    /** 401 for a customer: sign in (again). RFC 6750 §3 asks for the challenge. */
    private static Reply bearerChallenge(Throwable failure) {
        return new Reply(HttpServletResponse.SC_UNAUTHORIZED, Erro.of(failure.getMessage()), Map.of("WWW-Authenticate", "Bearer"));
    }

    /** Nothing was committed (StoreFailure's contract), so a retry is safe; the cause stays in the log. */
    private static Reply storeFailure(Throwable failure) {
        LOG.error("store failure answered with 503", failure);
        return new Reply(HttpServletResponse.SC_SERVICE_UNAVAILABLE, Erro.of(STORE_UNAVAILABLE));
    }

    private static Reply unexpected(Throwable failure) {
        LOG.error("unexpected failure answered with 500", failure);
        return new Reply(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, Erro.of(INTERNAL));
    }
}
