package passcom.server.auth;

/**
 * More live nonces than the {@link ReplayGuard} may remember: the call is refused (503) before anything is done,
 * rather than forgetting a nonce whose call could then be replayed. The caller retries with a new signature.
 */
public final class ReplayMemoryFull extends RuntimeException {
    public ReplayMemoryFull() {
        super("Servidor ocupado: chamadas entre servidores demais na janela de repetição; nada foi feito. Tente de novo.");
    }
}
