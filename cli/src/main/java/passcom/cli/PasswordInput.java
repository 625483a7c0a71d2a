package passcom.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where a password comes from: never the command line (argv is visible to every user in {@code ps} and kept in
 * shell history). With {@code --senha-stdin}, the first line of standard input, for scripts; otherwise the
 * terminal, without echo ({@link Console#readPassword}). With neither, the command refuses before asking any
 * server.
 */
final class PasswordInput {

    private final boolean fromStdin;
    private final InputStream stdin;
    private final Console console;

    PasswordInput(boolean fromStdin, InputStream stdin, Console console) {
        this.fromStdin = fromStdin;
        this.stdin = stdin;
        this.console = console;
    }

    /** The password; with {@code confirm} the terminal asks twice and refuses two different answers. */
    String read(String prompt, boolean confirm) throws BadInput {
        if (fromStdin) {
            return firstLine();
        }
        if (console == null) {
            throw new BadInput("sem terminal para digitar a senha: use --senha-stdin e passe a senha na entrada padrão");
        }
        char[] first = console.readPassword("%s", prompt);
        if (first == null || first.length == 0) {
            throw new BadInput("nenhuma senha digitada");
        }
        try {
            if (confirm) {
                char[] again = console.readPassword("%s", "Repita a senha: ");
                try {
                    if (!Arrays.equals(first, again)) {
                        throw new BadInput("as duas senhas digitadas são diferentes");
                    }
                } finally {
                    if (again != null) {
                        Arrays.fill(again, '\0');
                    }
                }
            }
            return new String(first);
        } finally {
            Arrays.fill(first, '\0');
        }
    }

    private String firstLine() throws BadInput {
        try {
            // not closed: standard input belongs to the process
            String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new BadInput("--senha-stdin: a entrada padrão não trouxe uma senha (uma linha)");
            }
            return line;
        } catch (IOException e) {
            throw new BadInput("--senha-stdin: não foi possível ler a entrada padrão: " + e.getMessage());
        }
    }
}
