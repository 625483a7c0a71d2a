package passcom.core.account;

import passcom.core.cpf.Cpf;

/**
 * The other airlines of the federation, as a cadastro needs them. Core owns this port; server-webapp asks
 * every peer over the signed peer channel.
 */
public interface AccountPeers {

    /**
     * Asks every other airline to record {@code claimant}'s claim on {@code cpf} ({@link Accounts#claimFor}).
     * Returns {@link ClaimAnswer#FREE} only when every one of them answered FREE, else TAKEN if any has an
     * account, else CONTENDED.
     *
     * @throws passcom.core.txn.AirlineUnreachable an airline did not answer: nothing can be promised
     */
    ClaimAnswer claimEverywhere(Cpf cpf, String claimant);
}
