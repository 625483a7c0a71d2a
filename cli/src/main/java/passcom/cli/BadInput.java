package passcom.cli;

/** Something the customer typed is wrong, found before any server was asked; exit code 2. */
final class BadInput extends Exception {
    BadInput(String message) {
        super(message);
    }
}
