package passcom.server.http;

import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import passcom.api.Codigo;
import passcom.api.Erro;
import passcom.api.Json;

/**
 * Errors Jetty produces itself, before any servlet runs (an unparseable URI, headers too large, a client
 * request rejected by the overload limit): answered in the same {"codigo": ..., "erro": ...} JSON as ours (the code of the status), never HTML.
 *
 * <p>An answer after which the connection closes says {@code Connection: close} (RFC 9112 section 9.6), so a
 * keep-alive client never sends its next request, perhaps a purchase, on a socket already closed. Jetty adds
 * it itself for an HTTP/1.1 request it will not keep, but a request refused while its request line is parsed
 * (bad method, bad URI encoding, NUL, a URI past the header limit) has no version yet: Jetty answers it as
 * HTTP/1.0, where closing is the default and no header is added, under an {@code HTTP/1.1} status line.
 */
public final class JsonErrorHandler extends ErrorHandler {

    private static final Map<Integer, String> MESSAGES = Map.of(
            400, "Requisição HTTP inválida",
            404, "Caminho desconhecido",
            405, "Método não permitido",
            413, "Requisição grande demais",
            414, "Endereço grande demais",
            431, "Cabeçalhos grandes demais",
            500, ErrorMapper.INTERNAL,
            503, "Servidor sobrecarregado ou parando; tente novamente em instantes");

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        byte[] body;
        try {
            body = Json.mapper().writeValueAsBytes(Erro.of(Codigo.forStatus(code), MESSAGES.getOrDefault(code, "Erro HTTP " + code)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            callback.failed(e);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Reply.CONTENT_TYPE);
        if (!request.getConnectionMetaData().isPersistent()) {
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
