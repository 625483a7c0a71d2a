package passcom.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import passcom.api.Json;

/**
 * The routes of the last {@code rotas} answer, numbered as printed, so that {@code comprar N} buys the route
 * the customer saw. A small JSON file, replaced whole on each search ({@link StateDir#replace}):
 * {@code PASSCOM_CLI_STATE}, else {@code $XDG_STATE_HOME/passcom/ultima-consulta.json}, else
 * {@code ~/.local/state/passcom/ultima-consulta.json}.
 *
 * @param caminhos each route's {@code caminho} (the exact value a purchase sends), route N at index N-1
 */
record LastSearch(String origem, String destino, Instant consultadaEm, List<List<List<String>>> caminhos) {

    static Path file(Map<String, String> env) {
        String explicit = env.get("PASSCOM_CLI_STATE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        return StateDir.of(env).resolve("ultima-consulta.json");
    }

    void save(Path file) throws IOException, BadInput {
        if (file.toAbsolutePath().getParent() == null) {
            throw new BadInput("o arquivo da última consulta de rotas (" + file + ") não é um arquivo:"
                    + " defina PASSCOM_CLI_STATE com o caminho de um arquivo, p. ex. ~/.local/state/passcom/ultima-consulta.json");
        }
        StateDir.replace(file, Json.mapper().writeValueAsBytes(this));
    }

    static LastSearch load(Path file) throws BadInput {
        if (!Files.isRegularFile(file)) {
            throw new BadInput("nenhuma consulta de rotas guardada (" + file + "): rode 'passcom cli rotas' antes, ou use --caminho");
        }
        try {
            return Json.mapper().readValue(file.toFile(), LastSearch.class);
        } catch (IOException e) {
            throw new BadInput("a última consulta de rotas (" + file + ") está ilegível: rode 'passcom cli rotas' de novo");
        }
    }

    List<List<String>> route(int number) throws BadInput {
        if (number < 1 || number > caminhos.size()) {
            throw new BadInput("a rota " + number + " não existe: a última consulta (" + origem + " → " + destino + ") tem as rotas 1 a "
                    + caminhos.size());
        }
        return caminhos.get(number - 1);
    }
}
