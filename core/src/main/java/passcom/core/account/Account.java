package passcom.core.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import passcom.core.cpf.Cpf;

/**
 * A customer's account: CPF, name, e-mail, its home airline (the one that stores it and checks its password)
 * and when it was created. The password hash is not part of it: it never leaves {@link AccountLog}.
 * {@link #toString} leaves out the CPF, the name and the e-mail (LGPD: none of them may reach a log line).
 */
public record Account(Cpf cpf, String name, String email, String home, Instant createdAt) {

    public Account {
        Objects.requireNonNull(cpf, "cpf");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(home, "home");
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public String toString() {
        return "Account[home=" + home + "]";
    }
}
