package passcom.core.txn;

/**
 * A phase-two message (COMMIT or ABORT) sent by an airline other than the coordinator this participant
 * recorded for the transaction. Refused before anything changes: otherwise any peer holding the federation
 * secret could sell or release another airline's holds, and a forged ABORT would make the participant refuse
 * the real COMMIT later. The caller is told both airlines; in HTTP terms a 403.
 */
public final class NotTheCoordinator extends RuntimeException {

    public NotTheCoordinator(TxnId txnId, String coordinator, String sender) {
        super("a transação " + txnId + " é coordenada pela companhia '" + coordinator + "', mas a mensagem foi enviada pela companhia '"
                + sender + "'; nada foi feito");
    }
}
