package passcom.core.account;

/** What an airline answers when asked to let another create an account for a CPF. */
public enum ClaimAnswer {
    /** No account and no other cadastro here: the claim is recorded, and holds until it expires. */
    FREE,
    /** The CPF has an account here. */
    TAKEN,
    /** Another airline's cadastro of the CPF is under way (its claim has not expired). */
    CONTENDED
}
