package passcom.core.cpf;

import java.util.regex.Pattern;
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

    /** Compiled once: every purchase, listing and cancellation parses one CPF per passenger. */
    private static final Pattern WRITTEN = Pattern.compile("\\d{3}\\.?\\d{3}\\.?\\d{3}-?\\d{2}");
    private static final Pattern NOT_A_DIGIT = Pattern.compile("\\D");
    private static final Pattern ELEVEN_DIGITS = Pattern.compile("\\d{11}");

    public static Cpf parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCpf(text, "o CPF é obrigatório");
        }
        String stripped = text.strip();
        if (!WRITTEN.matcher(stripped).matches()) {
            throw new InvalidCpf(text, "use 11 dígitos, como 529.982.247-25");
        }
        return new Cpf(NOT_A_DIGIT.matcher(stripped).replaceAll(""));
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
        if (digits == null || !ELEVEN_DIGITS.matcher(digits).matches()) {
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
