package passcom.core.account;

import passcom.core.InvalidRequest;

/** A new password that breaks {@link PasswordRules} (400): the message says which rule. */
public final class WeakPassword extends InvalidRequest {
    public WeakPassword(String message) {
        super(message);
    }
}
