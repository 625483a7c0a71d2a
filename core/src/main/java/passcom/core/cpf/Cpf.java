package passcom.core.cpf;

import passcom.api.CpfCheck;

/**
 * A Brazilian taxpayer number (CPF), the customer's identity. Accepts "529.982.247-25" or
 * "52998224725"; always holds the 11 digits. The two check digits are validated (mod 11, as the
 * Receita Federal defines them), and so are the eleven-equal-digits numbers the Receita never issues: the
 * rule is {@link CpfCheck}, shared with the clients.
 */
public record Cpf(String digits) {

    public Cpf {
        String reason = whyInvalid(digits);
        if (reason != null) {
            throw new InvalidCpf(digits, reason);
        }
    }

    private static final int DIGITS = 11;

    public static Cpf parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCpf(text, "o CPF é obrigatório");
        }
        String digits = digitsOfWritten(text.strip());
        if (digits == null) {
            throw new InvalidCpf(text, "use 11 dígitos, como 529.982.247-25");
        }
        return new Cpf(digits);
    }

    /**
     * The 11 digits of {@code 999.999.999-99} with each separator optional, or null if {@code written} is not
     * that. A scan rather than a regular expression: every purchase, listing and cancellation parses one CPF per
     * passenger, and the matchers were ~0.5 % of a purchase's CPU (docs/PERFORMANCE.md).
     */
    private static String digitsOfWritten(String written) {
        char[] digits = new char[DIGITS];
        int at = 0;
        int taken = 0;
        for (int group = 0; group < 4; group++) {
            int size = group == 3 ? 2 : 3;
            for (int k = 0; k < size; k++, at++) {
                if (at >= written.length() || !isDigit(written.charAt(at))) {
                    return null;
                }
                digits[taken++] = written.charAt(at);
            }
            char separator = group == 2 ? '-' : '.';
            if (group < 3 && at < written.length() && written.charAt(at) == separator) {
                at++;
            }
        }
        return at == written.length() ? new String(digits) : null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean elevenDigits(String text) {
        if (text.length() != DIGITS) {
            return false;
        }
        for (int i = 0; i < DIGITS; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidCpf e) {
            return false;
        }
    }

    /** 529.982.247-25 */
    public String formatted() {
        return CpfCheck.formatted(digits);
    }

    @Override
    public String toString() {
        return formatted();
    }

    private static String whyInvalid(String digits) {
        if (digits == null || !elevenDigits(digits)) {
            return "use 11 dígitos, como 529.982.247-25";
        }
        CpfCheck.Problem problem = CpfCheck.problem(digits);
        if (problem == null) {
            return null;
        }
        return switch (problem) {
            case INCOMPLETE -> "use 11 dígitos, como 529.982.247-25";
            case ALL_DIGITS_EQUAL -> "CPF com todos os dígitos iguais não existe";
            case CHECK_DIGITS -> "dígitos verificadores não conferem";
        };
    }
}
