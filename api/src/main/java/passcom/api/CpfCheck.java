package passcom.api;

/**
 * The one CPF rule: mod 11 check digits as the Receita Federal defines them, and the eleven-equal-digits
 * numbers the Receita never issues. The server's {@code passcom.core.cpf.Cpf} validates with it, and the
 * clients use it to catch a typo in the form before anything is sent.
 */
public final class CpfCheck {

    /** Why it is invalid. */
    public enum Problem {
        INCOMPLETE, ALL_DIGITS_EQUAL, CHECK_DIGITS
    }

    private CpfCheck() {
    }

    /** The 11 digits of {@code text} ignoring punctuation and mask placeholders, or "" when there are not 11. */
    public static String digits(String text) {
        if (text == null) {
            return "";
        }
        // by hand: String.replaceAll compiled its pattern again on every CPF of every request
        StringBuilder digits = new StringBuilder(11);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') { // ASCII only, as the regex's \D was
                digits.append(c);
            }
        }
        return digits.length() == 11 ? digits.toString() : "";
    }

    /** Null when {@code text} is a valid CPF, else the problem. */
    public static Problem problem(String text) {
        String digits = digits(text);
        if (digits.isEmpty()) {
            return Problem.INCOMPLETE;
        }
        if (digits.chars().allMatch(c -> c == digits.charAt(0))) {
            return Problem.ALL_DIGITS_EQUAL;
        }
        if (checkDigit(digits, 9) != digits.charAt(9) - '0' || checkDigit(digits, 10) != digits.charAt(10) - '0') {
            return Problem.CHECK_DIGITS;
        }
        return null;
    }

    public static boolean isValid(String text) {
        return problem(text) == null;
    }

    /** 529.982.247-25 */
    public static String formatted(String digits) {
        return digits.substring(0, 3) + "." + digits.substring(3, 6) + "." + digits.substring(6, 9) + "-" + digits.substring(9);
    }

    private static int checkDigit(String digits, int position) {
        int sum = 0;
        for (int i = 0; i < position; i++) {
            sum += (digits.charAt(i) - '0') * (position + 1 - i);
        }
        int rest = (sum * 10) % 11;
        return rest == 10 ? 0 : rest;
    }
}
