package passcom.core.seat;

/**
 * Who has a given seat now. A seat is held by one purchase, then sold to it or given back; a sold seat is
 * given back only by a cancellation that committed. No state is terminal: a seat given back is sold again.
 */
public enum SeatState {
    FREE, HELD, SOLD;

    public boolean isTerminal() {
        return false;
    }

    public boolean canMoveTo(SeatState next) {
        return switch (this) {
            case FREE -> next == HELD;
            case HELD -> next == SOLD || next == FREE;
            case SOLD -> next == FREE;
        };
    }
}
