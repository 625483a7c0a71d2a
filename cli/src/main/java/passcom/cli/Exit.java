package passcom.cli;

/** The exit codes, so that a script can tell apart what happened (listed in {@code passcom-cli --help}). */
final class Exit {
    static final int OK = 0;
    static final int SERVER_ERROR = 1;
    /** picocli's own code for a usage error, used for every kind of bad input. */
    static final int BAD_INPUT = 2;
    static final int SOLD_OUT = 3;
    static final int UNREACHABLE = 4;
    static final int OUTCOME_UNKNOWN = 5;
    /** A refused login, a refused or missing token, a session that ended. */
    static final int NOT_AUTHENTICATED = 6;
    /** 429: too many logins, sign-ups or look-ups from this address; nothing done. */
    static final int RATE_LIMITED = 7;

    private Exit() {
    }
}
