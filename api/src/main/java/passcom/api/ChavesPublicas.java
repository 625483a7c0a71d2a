package passcom.api;

import java.util.List;
import java.util.Map;

/**
 * Answer of {@code GET /.well-known/jwks.json}: a JWK Set (RFC 7517 §5) of the public keys this airline
 * signs access tokens with. Each key is the JWK's own JSON object, kept as a map so that its RFC member
 * names ({@code kty}, {@code crv}, {@code x}, {@code kid}) pass through unchanged.
 */
public record ChavesPublicas(List<Map<String, Object>> keys) {
}
