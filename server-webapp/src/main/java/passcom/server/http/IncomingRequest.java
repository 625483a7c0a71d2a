package passcom.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Collectors;
import passcom.api.Json;

/**
 * What a servlet reads from a request: named parameters, from the query string or, for compatibility
 * with the original PASSCOM client, from a JSON object body; or the whole body as a record. Every
 * problem becomes a {@link MalformedRequest} that names the parameter or field in Portuguese.
 */
public final class IncomingRequest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final HttpServletRequest request;
    /** The endpoint's memo of decoded queries, or null (each query decoded for its request). */
    private final DecodedQueries queries;
    private JsonNode json;
    private Fields query;

    public IncomingRequest(HttpServletRequest request) {
        this(request, null);
    }

    IncomingRequest(HttpServletRequest request, DecodedQueries queries) {
        this.request = request;
        this.queries = queries;
    }

    /** The request attribute where the signature filter leaves the airline id that signed a peer call. */
    public static final String SIGNED_BY = "passcom.signedBy";

    /**
     * A peer call must come from the airline its message names (a prepare from its coordinator): a peer holding
     * the federation secret cannot hold seats in another airline's name, where no one would ever release them.
     * @throws Forbidden when another airline signed it
     */
    public void requireSignedBy(String airline) {
        String signer = signer();
        if (!signer.equals(airline)) {
            throw new Forbidden("a mensagem diz vir de '" + airline + "', mas foi assinada por '" + signer + "'; nada foi feito");
        }
    }

    /**
     * The airline that signed this peer call, for the core to check against what it recorded (a COMMIT or
     * ABORT must come from the transaction's coordinator). @throws Forbidden the call was not signed (the
     * signature filter did not run on this path)
     */
    public String signer() {
        if (!(request.getAttribute(SIGNED_BY) instanceof String signer)) {
            throw new Forbidden("a chamada não foi assinada por nenhuma companhia; nada foi feito");
        }
        return signer;
    }

    /** GET, POST, DELETE... */
    public String method() {
        return request.getMethod();
    }

    /** A request header, if present and not blank. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeader(name)).filter(value -> !value.isBlank());
    }

    /** The client's address as the connection shows it (rate limits count by it). */
    public String remoteAddress() {
        return request.getRemoteAddr();
    }

    /** A required parameter: the query string wins, then a text field of the JSON body. */
    public String parameter(String name) {
        return optionalParameter(name).orElseThrow(() -> new MalformedRequest("Falta o parâmetro '" + name + "'"));
    }

    public Optional<String> optionalParameter(String name) {
        String fromQuery = queryParameter(name);
        if (fromQuery != null && !fromQuery.isBlank()) {
            return Optional.of(fromQuery);
        }
        if (RequestBody.read(request).length == 0) {
            return Optional.empty();
        }
        JsonNode value = jsonObject().get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode() || value.isBoolean()) {
            throw new MalformedRequest("O parâmetro '" + name + "' deve ser um texto");
        }
        return Optional.of(value.asText()).filter(s -> !s.isBlank());
    }

    /**
     * The body as a record of the wire, parsed straight into it (no tree in between, unless a parameter was
     * already read from the body); wrong JSON or a mistyped field is a {@link MalformedRequest}.
     */
    public <T> T body(Class<T> type) {
        if (json != null) {
            try {
                return Json.mapper().treeToValue(json, type);
            } catch (JsonProcessingException e) {
                throw describe(e);
            }
        }
        byte[] body = RequestBody.read(request);
        requireObject(body);
        try {
            return Json.mapper().readValue(body, type);
        } catch (IOException e) {
            throw describe(e);
        }
    }

    /**
     * A parameter of the query string (first value), decoded as the servlet API would, or null. Read through Jetty's own
     * request: the servlet API's {@code getParameter} also looks for form fields in the body, which no PASSCOM endpoint
     * takes, and that look-up cost as much as decoding the query; a form body still gets its fields through it.
     */
    private String queryParameter(String name) {
        try {
            String contentType = request.getContentType();
            if (contentType != null && contentType.regionMatches(true, 0, FORM, 0, FORM.length())) {
                return request.getParameter(name);
            }
            if (query == null) {
                String raw = request.getQueryString();
                if (raw == null) {
                    query = Fields.EMPTY;
                } else if (queries == null) {
                    query = decode();
                } else {
                    query = queries.of(raw, this::decode);
                }
            }
            return query.getValue(name);
        } catch (IllegalArgumentException | IllegalStateException | org.eclipse.jetty.http.BadMessageException badEncoding) {
            // Jetty's decoder throws IllegalArgumentException, its request a "400: Bad query" IllegalStateException, and the
            // servlet API (a form body) wraps either in a BadMessageException: the fuzz test found them answered 500
            throw new MalformedRequest("A consulta tem uma codificação inválida (um '%' sem dois dígitos hexadecimais, ou UTF-8 quebrado)");
        }
    }

    private Fields decode() {
        return Request.extractQueryParameters(ServletContextRequest.getServletContextRequest(request), StandardCharsets.UTF_8);
    }

    /**
     * What {@link #jsonObject} refuses before Jackson sees the body: an empty body, or one that is not an object
     * (Jackson would read {@code null} as no record at all, and {@code [1]} as a shape error without saying why).
     */
    private static void requireObject(byte[] body) {
        int first = startsWithByteOrderMark(body) ? 3 : 0;
        while (first < body.length && isJsonWhitespace(body[first])) {
            first++;
        }
        if (first == body.length) {
            throw new MalformedRequest(body.length == 0 ? "O corpo da requisição deve ser um objeto JSON e está vazio"
                    : "O corpo da requisição deve ser um objeto JSON");
        }
        if (body[first] != '{') {
            throw new MalformedRequest("O corpo da requisição deve ser um objeto JSON");
        }
    }

    private static boolean startsWithByteOrderMark(byte[] body) {
        return body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF;
    }

    private static boolean isJsonWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private JsonNode jsonObject() {
        if (json == null) {
            byte[] body = RequestBody.read(request);
            if (body.length == 0) {
                throw new MalformedRequest("O corpo da requisição deve ser um objeto JSON e está vazio");
            }
            JsonNode parsed;
            try {
                parsed = Json.mapper().readTree(body);
            } catch (IOException e) {
                throw describe(e);
            }
            if (parsed == null || !parsed.isObject()) {
                throw new MalformedRequest("O corpo da requisição deve ser um objeto JSON");
            }
            json = parsed;
        }
        return json;
    }

    /** Jackson's messages are English and technical; say in Portuguese which field or where. */
    static MalformedRequest describe(IOException e) {
        if (e instanceof JsonMappingException mapping) {
            String field = fieldPath(mapping);
            return new MalformedRequest(field.isEmpty()
                    ? "O corpo da requisição não tem o formato esperado"
                    : "O campo '" + field + "' tem tipo ou valor inválido");
        }
        if (e instanceof JsonProcessingException parse && parse.getLocation() != null) {
            JsonLocation at = parse.getLocation();
            return new MalformedRequest("JSON malformado perto da linha " + at.getLineNr() + ", coluna " + at.getColumnNr());
        }
        return new MalformedRequest("JSON malformado");
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
