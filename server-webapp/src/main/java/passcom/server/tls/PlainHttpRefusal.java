package passcom.server.tls;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.DetectorConnectionFactory;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passcom.api.Codigo;
import passcom.api.Erro;
import passcom.api.Json;

/**
 * The first protocol of an HTTPS port: TLS goes on to {@code ssl}; anything else (a client given
 * {@code http://} for an https server) gets one 400 in the API's error shape saying to use https, and the
 * connection closes. Plain bytes never reach the servlets, so nothing is ever served in clear text here;
 * without this Jetty just closes, and the client can only say that no server answered.
 */
public final class PlainHttpRefusal extends DetectorConnectionFactory {

    private static final Logger LOG = LoggerFactory.getLogger(PlainHttpRefusal.class);
    private static final byte[] ANSWER = answer();

    public PlainHttpRefusal(SslConnectionFactory ssl) {
        super(ssl);
    }

    @Override
    protected void nextProtocol(Connector connector, EndPoint endPoint, ByteBuffer buffer) {
        LOG.debug("plain HTTP on the HTTPS port from {}: answered 400", endPoint.getRemoteSocketAddress());
        endPoint.write(Callback.from(endPoint::close), ByteBuffer.wrap(ANSWER));
    }

    private static byte[] answer() {
        String body;
        try {
            body = Json.mapper().writeValueAsString(Erro.of(Codigo.REQUISICAO_INVALIDA, "Este servidor só aceita conexões seguras: use https:// no endereço dele"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a constant error body always serialises", e);
        }
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " + json.length
                + "\r\nConnection: close\r\n\r\n";
        byte[] head8 = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head8.length + json.length];
        System.arraycopy(head8, 0, all, 0, head8.length);
        System.arraycopy(json, 0, all, head8.length, json.length);
        return all;
    }
}
