package passcom.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import passcom.api.Json;
import passcom.api.Sessao;
import passcom.client.api.AccountSession;
import passcom.client.api.PasscomClient;

/**
 * The session of {@code passcom cli login}, kept between runs in {@code sessao.json} of the {@link StateDir}:
 * the CPF, the access token, its expiry and the refresh token. Mode 0600 from the moment the file exists (it is
 * created with those permissions beside the target and moved over it, so a reader never sees half a file nor a
 * readable one), in a 0700 directory. A renewal rewrites it; a refused refresh token or a logout deletes it.
 * Never anything else: no password is ever written.
 */
record SavedSession(String cpf, Sessao sessao) {

    static final String FILE_NAME = "sessao.json";

    static Path file(Map<String, String> env) {
        return StateDir.of(env).resolve(FILE_NAME);
    }

    static Optional<SavedSession> load(Path file) throws BadInput {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            SavedSession saved = Json.mapper().readValue(file.toFile(), SavedSession.class);
            if (saved.cpf() == null || saved.sessao() == null || saved.sessao().token() == null || saved.sessao().renovacao() == null
                    || saved.sessao().expiraEm() == null) {
                throw new IOException("incomplete");
            }
            return Optional.of(saved);
        } catch (IOException e) {
            throw new BadInput("a sessão guardada (" + file + ") está ilegível: entre de novo com 'passcom cli login' (ou apague o arquivo)");
        }
    }

    void save(Path file) throws IOException {
        StateDir.replace(file, Json.mapper().writeValueAsBytes(this));
    }

    /**
     * The saved session as a live one on {@code client}: each renewal is written back to {@code file}, and the
     * file is deleted when the session ends (logged out, or its refresh token refused).
     */
    static Optional<AccountSession> open(Path file, PasscomClient client, Clock clock) throws BadInput {
        Optional<SavedSession> saved = load(file);
        if (saved.isEmpty()) {
            return Optional.empty();
        }
        AccountSession session = AccountSession.resume(client.accounts(), saved.get().cpf(), saved.get().sessao(), clock);
        session.addRenewalListener(renewed -> {
            try {
                new SavedSession(session.cpf(), renewed).save(file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("could not keep the renewed session in " + file, e);
            }
        });
        session.addEndListener(() -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("could not delete the ended session " + file, e);
            }
        });
        return Optional.of(session);
    }

    @Override
    public String toString() {
        return "SavedSession[tokens omitted]";
    }
}
