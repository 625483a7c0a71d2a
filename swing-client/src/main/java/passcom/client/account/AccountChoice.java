package passcom.client.account;

import passcom.client.api.AccountSession;

/** How an account dialog ended, other than the customer closing it (null). */
public sealed interface AccountChoice {

    /** Logged in; {@code name} from the account's data, or null when it could not be read. */
    record SignedIn(AccountSession session, String name) implements AccountChoice {
    }

    /** The customer asked to create an account instead; {@code cpf} as typed so far. */
    record WantsSignUp(String cpf) implements AccountChoice {
    }

    /**
     * The customer should sign in instead: the CPF already has an account, or the account was just created and
     * the automatic sign-in did not go through ({@code notice} says which).
     */
    record WantsSignIn(String cpf, String notice) implements AccountChoice {
    }
}
