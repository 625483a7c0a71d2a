package passcom.client.account;

import passcom.api.CpfCheck;
import passcom.client.i18n.Messages;

/**
 * What the "Criar conta" dialog checks before anything is sent, and the one line it shows about it: the
 * first field still wrong, in the error colour only once the customer has typed something there, else the
 * password rules. The rules themselves (length, common passwords) are the server's, which names a refused
 * password in its 400; the dialog shows them and does not repeat them.
 *
 * @param text the line to show
 * @param error whether it is a mistake (error colour) rather than guidance
 * @param complete whether "Criar conta" may be pressed
 */
record SignUpForm(String text, boolean error, boolean complete) {

    static SignUpForm check(String typedCpf, String name, String email, char[] password, char[] again) {
        if (!CpfCheck.isValid(typedCpf)) {
            boolean typed = !CpfCheck.digits(typedCpf).isEmpty();
            return new SignUpForm(Messages.get("account.problem.cpf"), typed, false);
        }
        if (name.isBlank()) {
            return new SignUpForm(Messages.get("account.problem.name"), false, false);
        }
        if (!looksLikeEmail(email)) {
            return new SignUpForm(Messages.get("account.problem.email"), !email.isBlank(), false);
        }
        if (password.length == 0) {
            return new SignUpForm(Messages.get("account.rules"), false, false);
        }
        if (!java.util.Arrays.equals(password, again)) {
            return new SignUpForm(Messages.get("account.problem.passwordMismatch"), again.length > 0, false);
        }
        return new SignUpForm(Messages.get("account.rules"), false, true);
    }

    /** Something@something.tld, no spaces: enough to catch a typo; the server has the last word. */
    private static boolean looksLikeEmail(String email) {
        String e = email.strip();
        int at = e.indexOf('@');
        return at > 0 && at == e.lastIndexOf('@') && e.indexOf('.', at) > at + 1 && !e.endsWith(".") && e.chars().noneMatch(Character::isWhitespace);
    }
}
