package passcom.client.map;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

/**
 * Every segment of the network as a thin neutral line: what could be flown. Segments wholly outside the
 * view are skipped and the rest go into one path drawn in one call, because a 1,000-city network has
 * about 2,500 of them and a stroke per line would cost most of a frame.
 */
final class SegmentLayer implements MapLayer {

    /** Above this many segments the lines get thinner, or the network would be one grey blot. */
    private static final int DENSE = 200;

    @Override
    public void paint(Graphics2D g, MapScene scene) {
        paint(g, scene, new Rectangle2D.Double(0, 0, scene.viewport().width(), scene.viewport().height()));
    }

    /** Paints the segments crossing {@code screen} (screen coordinates of the view, possibly beyond its edges). */
    void paint(Graphics2D g, MapScene scene, Rectangle2D screen) {
        MapViewport view = scene.viewport();
        Path2D lines = new Path2D.Double();
        for (NetworkMap.Segment segment : scene.network().segments()) {
            Point2D a = view.toScreen(scene.network().at(segment.from()));
            Point2D b = view.toScreen(scene.network().at(segment.to()));
            if (screen.intersectsLine(new Line2D.Double(a, b))) {
                lines.moveTo(a.getX(), a.getY());
                lines.lineTo(b.getX(), b.getY());
            }
        }
        boolean dense = scene.network().segments().size() > DENSE;
        g.setColor(scene.palette().segment());
        g.setStroke(new BasicStroke(dense ? 0.7f : 1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(lines);
    }
}
