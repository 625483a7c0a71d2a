package passcom.it;

/**
 * What a {@link FaultProxy} does to server-to-server calls on one path, in the manner of OkHttp's
 * SocketPolicy: each fault a named, documented behaviour a test switches on and off.
 */
public enum Fault {
    /** Forward the call and its answer untouched. */
    NONE,
    /** Do not forward; answer 503 at once, as a crashed peer behind a load balancer would. The message is lost. */
    DROP,
    /** Forward the call (the peer acts on it), then hold the answer until the fault is cleared: a reply lost in a slow network. */
    HOLD_REPLY,
    /**
     * Forward the call twice and answer with the first reply: a message duplicated by the network. The copy carries
     * the same signature nonce, so the airline refuses it as a replay (401) and it changes nothing.
     */
    DUPLICATE,
    /** Forward the call (the peer acts on it), then answer only after {@link FaultProxy#LATE}: a reply that arrives after the caller gave up. */
    LATE_REPLY
}
