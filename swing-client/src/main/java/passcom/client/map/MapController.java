package passcom.client.map;

import java.awt.Point;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import javax.swing.SwingUtilities;

/**
 * Mouse gestures on the map (as JMapViewer's DefaultMapController): the wheel zooms about the pointer,
 * dragging pans, a click picks the city under it, a double click on empty sea or land resets the view.
 */
final class MapController extends MouseAdapter {

    private static final double WHEEL_STEP = 1.2;

    private final MapPanel panel;
    private Point dragFrom;

    MapController(MapPanel panel) {
        this.panel = panel;
    }

    @Override
    public void mouseWheelMoved(MouseWheelEvent e) {
        panel.zoomAt(Math.pow(WHEEL_STEP, -e.getPreciseWheelRotation()), e.getPoint());
    }

    @Override
    public void mousePressed(MouseEvent e) {
        panel.requestFocusInWindow();
        if (SwingUtilities.isLeftMouseButton(e)) {
            dragFrom = e.getPoint();
        }
    }

    @Override
    public void mouseDragged(MouseEvent e) {
        if (dragFrom != null) {
            panel.pan(e.getX() - dragFrom.x, e.getY() - dragFrom.y);
            dragFrom = e.getPoint();
        }
    }

    @Override
    public void mouseReleased(MouseEvent e) {
        dragFrom = null;
    }

    @Override
    public void mouseClicked(MouseEvent e) {
        if (!SwingUtilities.isLeftMouseButton(e)) {
            return;
        }
        boolean picked = panel.pick(e.getPoint());
        if (!picked && e.getClickCount() == 2) {
            panel.resetView();
        }
    }

    @Override
    public void mouseMoved(MouseEvent e) {
        panel.hover(e.getPoint());
    }
}
