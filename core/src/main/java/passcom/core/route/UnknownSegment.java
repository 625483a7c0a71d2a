package passcom.core.route;

import passcom.core.InvalidRequest;

/** A request named a leg the network does not have, or an airline that does not fly it. */
public final class UnknownSegment extends InvalidRequest {
    public UnknownSegment(String message) {
        super(message);
    }
}
