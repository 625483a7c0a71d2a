package passcom.client;

import java.awt.Dimension;
import javax.swing.JProgressBar;

/**
 * An indeterminate progress bar shown while at least one call is in flight. Event-thread only: every
 * {@link #begin} is matched by one {@link #end}, which {@link ApiWorker} guarantees.
 */
public final class BusyIndicator extends JProgressBar {

    private int inFlight;

    public BusyIndicator() {
        setIndeterminate(true);
        setPreferredSize(new Dimension(120, getPreferredSize().height));
        setVisible(false);
    }

    public void begin() {
        inFlight++;
        setVisible(true);
    }

    public void end() {
        inFlight = Math.max(0, inFlight - 1);
        setVisible(inFlight > 0);
    }

    public boolean busy() {
        return inFlight > 0;
    }
}
