package passcom.core.cpf;

import passcom.core.InvalidRequest;

/** The text given as a CPF is not a valid one; the message says why, in Portuguese, for the customer. */
public final class InvalidCpf extends InvalidRequest {
    public InvalidCpf(String given, String reason) {
        super("CPF inválido" + (given == null || given.isBlank() ? "" : " (" + given + ")") + ": " + reason);
    }
}
