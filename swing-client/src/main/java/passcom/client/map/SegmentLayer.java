package passcom.client.map;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;

/** Every segment of the network as a thin neutral line: what could be flown. */
final class SegmentLayer implements MapLayer {

    @Override
    public void paint(Graphics2D g, MapScene scene) {
        g.setColor(scene.palette().segment());
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (NetworkMap.Segment segment : scene.network().segments()) {
            g.draw(new Line2D.Double(
                    scene.viewport().toScreen(scene.network().at(segment.from())),
                    scene.viewport().toScreen(scene.network().at(segment.to()))));
        }
    }
}
