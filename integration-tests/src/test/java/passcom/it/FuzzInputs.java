package passcom.it;

import java.util.List;
import java.util.Random;

/**
 * Seeded generators of hostile input for {@link EndpointFuzzIT}: JSON documents built from valid templates and
 * then broken (wrong types, missing, extra and duplicated keys, truncation, deep nesting, huge documents,
 * random bytes) with strings drawn from a pool of trouble (NUL, lone surrogates, RTL marks, combining
 * characters in city names, SQL and path fragments, huge and empty strings). Same seed, same inputs.
 */
final class FuzzInputs {

    static final String CPF = "52998224725";

    /** Strings that have broken parsers, databases and logs elsewhere. */
    static final List<String> TROUBLE = List.of("", " ", "\u0000", "a\u0000b", "\uD800", "x\uDC00y", "\u202Eodnalroc", "\u200F\u200E",
            "Sa\u0303o Paulo", "Cuiaba\u0301", "Curitiba\u0308\u0308\u0308", "São Paulo", "Curitiba", "Cuiabá", "Porto Alegre",
            "'; DROP TABLE seat; --", "1 OR 1=1", "\" OR \"\"=\"", "../../etc/passwd", "..%2f..%2f", "%00", "%zz", "C:\\Windows",
            "<script>alert(1)</script>", "${jndi:ldap://x}", "%s%s%s%n", "\uFEFF", "😀", "\r\nX-Injected: 1", "null", "true", "-0",
            "1e309", "NaN", "A", "B", "C", "Z", "AB", "529.982.247-25", "52998224725", "00000000000", "123", "ABCDEF", "zzzzzz",
            "x".repeat(300), "9".repeat(5_000));
    static final List<String> CITIES = List.of("São Paulo", "Curitiba", "Rio de Janeiro", "Belo Horizonte", "Cuiabá", "Goiânia",
            "Campo Grande", "Florianópolis", "Porto Alegre", "Vitória");

    private final Random random;

    FuzzInputs(long seed) {
        this.random = new Random(seed);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    String trouble() {
        return TROUBLE.get(random.nextInt(TROUBLE.size()));
    }

    /** A JSON string literal with any of the trouble, escaped as a sender would (lone surrogates as \\u escapes). */
    String stringLiteral(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) && chance(50)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Any JSON value, at most {@code depth} levels deep. */
    String value(int depth) {
        int kind = random.nextInt(depth <= 0 ? 5 : 7);
        return switch (kind) {
            case 0 -> stringLiteral(trouble());
            case 1 -> List.of("0", "-1", "1.5", "1e400", "-0", "9223372036854775808", "123456789012345678901234567890").get(random.nextInt(7));
            case 2 -> random.nextBoolean() ? "true" : "false";
            case 3 -> "null";
            case 4 -> stringLiteral(CITIES.get(random.nextInt(CITIES.size())));
            case 5 -> {
                StringBuilder a = new StringBuilder("[");
                for (int i = random.nextInt(4); i > 0; i--) {
                    a.append(value(depth - 1)).append(i > 1 ? "," : "");
                }
                yield a.append(']').toString();
            }
            default -> {
                StringBuilder o = new StringBuilder("{");
                for (int i = random.nextInt(4); i > 0; i--) {
                    o.append(stringLiteral(trouble())).append(':').append(value(depth - 1)).append(i > 1 ? "," : "");
                }
                yield o.append('}').toString();
            }
        };
    }

    /** 0 to 10 passengers, a CPF sometimes repeated, seats sometimes chosen (null, in range or not). */
    String passengers() {
        StringBuilder list = new StringBuilder("[");
        int n = random.nextInt(11);
        for (int i = 0; i < n; i++) {
            String cpf = i > 0 && random.nextInt(4) == 0 ? CPF : String.format("%011d", random.nextInt(1_000_000_000));
            list.append(i == 0 ? "" : ",").append("{\"cpf\":").append(stringLiteral(random.nextInt(3) == 0 ? CPF : cpf));
            if (random.nextBoolean()) {
                list.append(",\"assentos\":[").append(random.nextBoolean() ? "null" : String.valueOf(random.nextInt(6) - 1))
                        .append(random.nextBoolean() ? "," + (random.nextInt(5) + 1) : "").append(']');
            }
            list.append(random.nextInt(5) == 0 ? ",\"nome\":" + value(2) : "").append('}');
        }
        return list.append(']').toString();
    }

    String legs() {
        int n = 1 + random.nextInt(3);
        StringBuilder airlines = new StringBuilder("[");
        StringBuilder cities = new StringBuilder("[").append(stringLiteral(CITIES.get(random.nextInt(CITIES.size()))));
        for (int i = 0; i < n; i++) {
            airlines.append(i > 0 ? "," : "").append(stringLiteral(List.of("A", "B", "C").get(random.nextInt(3))));
            cities.append(',').append(stringLiteral(CITIES.get(random.nextInt(CITIES.size()))));
        }
        return "[" + airlines + "]," + cities + "]]";
    }

    /** A document for {@code path}: a valid template with each field kept, replaced, dropped or duplicated, then maybe broken. */
    String body(String path) {
        String[][] fields = switch (path) {
            case "/comprar_cliente" -> new String[][] {random.nextBoolean() ? new String[] {"cpf", stringLiteral(CPF)}
                    : new String[] {"passageiros", passengers()}, {"caminho", "[" + legs()}, {"id_pedido",
                    stringLiteral("fz-" + random.nextInt(1_000_000))}};
            case "/cancelar_cliente" -> new String[][] {{"cpf", stringLiteral(CPF)}, {"localizador", stringLiteral(trouble())}};
            case "/comprar_servidor" -> new String[][] {{"id_transacao", stringLiteral("fz-" + random.nextInt(1_000_000))},
                    {"coordenador", stringLiteral("B")}, {"tipo", stringLiteral(random.nextBoolean() ? "PURCHASE" : "CANCELLATION")},
                    {"cpf", stringLiteral(CPF)}, {"localizador", stringLiteral(trouble())},
                    {"trechos", "[{\"origem\":" + stringLiteral(CITIES.get(random.nextInt(10))) + ",\"destino\":"
                            + stringLiteral(CITIES.get(random.nextInt(10))) + "}]"}};
            case "/confirmar_servidor" -> new String[][] {{"id_transacao", stringLiteral("fz-" + random.nextInt(1_000_000))},
                    {"tipo", stringLiteral("PURCHASE")}, {"passagem", value(3)}};
            default -> new String[][] {{"id_transacao", stringLiteral("fz-" + random.nextInt(1_000_000))}};
        };
        StringBuilder doc = new StringBuilder("{");
        boolean first = true;
        for (String[] field : fields) {
            int fate = random.nextInt(10);
            if (fate == 0) {
                continue; // dropped
            }
            String value = fate == 1 || fate == 2 ? value(3) : field[1];
            doc.append(first ? "" : ",").append('"').append(field[0]).append("\":").append(value);
            first = false;
            if (fate == 3) {
                doc.append(",\"").append(field[0]).append("\":").append(value(2)); // duplicate key
            }
        }
        if (chance(10)) {
            doc.append(first ? "" : ",").append(stringLiteral(trouble())).append(':').append(value(2));
        }
        String text = doc.append('}').toString();
        return broken(text);
    }

    /** Sometimes the whole document goes wrong. */
    String broken(String text) {
        return switch (random.nextInt(24)) {
            case 0 -> text.substring(0, random.nextInt(Math.max(1, text.length())));
            case 1 -> "[".repeat(1_000 + random.nextInt(4_000)) + "]".repeat(random.nextInt(2));
            case 2 -> "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000);
            case 3 -> "[" + "1,".repeat(40_000) + "1]";
            case 4 -> value(5);
            case 5 -> text + text;
            case 6 -> "\uFEFF" + text;
            case 7 -> text.replace(':', '=');
            default -> text;
        };
    }

    /** A query string for a GET endpoint: the right names with odd values, missing, doubled or unknown. */
    String query(String path) {
        List<String> names = switch (path) {
            case "/caminhos_cliente", "/caminhos_servidor" -> List.of("origem", "destino");
            case "/passagens_cliente", "/passagens_servidor" -> List.of("cpf");
            case "/decisao_servidor" -> List.of("id_transacao");
            case "/assentos_cliente" -> List.of("origem", "destino", "companhia");
            case "/assentos_servidor" -> List.of("origem", "destino");
            default -> List.of("x");
        };
        StringBuilder q = new StringBuilder();
        for (String name : names) {
            int fate = random.nextInt(8);
            if (fate == 0) {
                continue;
            }
            String value = name.equals("companhia") && fate < 4 ? List.of("A", "B", "C", "Z").get(random.nextInt(4))
                    : fate < 4 ? CITIES.get(random.nextInt(CITIES.size())) : name.equals("cpf") && fate == 4 ? CPF : trouble();
            q.append(q.length() == 0 ? "" : "&").append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            if (fate == 5) {
                q.append('&').append(name).append('=').append(java.net.URLEncoder.encode(trouble(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return q.toString();
    }
}
