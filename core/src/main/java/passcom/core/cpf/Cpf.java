package passcom.core.cpf;

/**
 * A Brazilian taxpayer number (CPF), the customer's identity. Accepts "529.982.247-25" or
 * "52998224725"; always holds the 11 digits. The two check digits are validated (mod 11, as the
 * Receita Federal defines them), and so are the eleven-equal-digits numbers the Receita never issues.
 */
public record Cpf(String digits) {

    public Cpf {
        String reason = whyInvalid(digits);
        if (reason != null) {
            throw new InvalidCpf(digits, reason);
        }
    }

    public static Cpf parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCpf(text, "o CPF é obrigatório");
        }
        String stripped = text.strip();
        if (!stripped.matches("\\d{3}\\.?\\d{3}\\.?\\d{3}-?\\d{2}")) {
            throw new InvalidCpf(text, "use 11 dígitos, como 529.982.247-25");
        }
        return new Cpf(stripped.replaceAll("\\D", ""));
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
        return digits.substring(0, 3) + "." + digits.substring(3, 6) + "." + digits.substring(6, 9) + "-" + digits.substring(9);
    }

    @Override
    public String toString() {
        return formatted();
    }

    private static String whyInvalid(String digits) {
        if (digits == null || !digits.matches("\\d{11}")) {
            return "use 11 dígitos, como 529.982.247-25";
        }
        if (digits.chars().distinct().count() == 1) {
            return "CPF com todos os dígitos iguais não existe";
        }
        if (checkDigit(digits, 9) != digits.charAt(9) - '0' || checkDigit(digits, 10) != digits.charAt(10) - '0') {
            return "dígitos verificadores não conferem";
        }
        return null;
    }

    /** The check digit at {@code position} (9 or 10) computed from the digits before it. */
    static int checkDigit(String digits, int position) {
        int sum = 0;
        for (int i = 0; i < position; i++) {
            sum += (digits.charAt(i) - '0') * (position + 1 - i);
        }
        int rest = (sum * 10) % 11;
        return rest == 10 ? 0 : rest;
    }
}
