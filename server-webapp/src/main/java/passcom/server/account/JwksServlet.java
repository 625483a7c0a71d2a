package passcom.server.account;

import java.util.List;
import java.util.Map;
import passcom.api.ChavesPublicas;
import passcom.server.auth.token.SigningKeys;
import passcom.server.http.Endpoint;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;

/** GET /.well-known/jwks.json: the public keys this airline signs access tokens with (RFC 7517 JWK Set). */
public final class JwksServlet extends Endpoint {

    public static final String PATH = "/.well-known/jwks.json";

    private final SigningKeys keys;

    public JwksServlet(SigningKeys keys) {
        super("GET");
        this.keys = keys;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        List<Map<String, Object>> published = keys.publicKeys().getKeys().stream().map(key -> key.toJSONObject()).toList();
        return Reply.ok(new ChavesPublicas(published));
    }
}
