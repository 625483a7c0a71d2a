package passcom.client.map;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.List;

/** The sea, then Brazil's land filled and its coast stroked. */
final class OutlineLayer implements MapLayer {

    @Override
    public void paint(Graphics2D g, MapScene scene) {
        MapViewport view = scene.viewport();
        g.setColor(scene.palette().sea());
        g.fillRect(0, 0, view.width(), view.height());
        Path2D land = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (List<GeoPoint> ring : scene.outline().rings()) {
            for (int i = 0; i < ring.size(); i++) {
                Point2D p = view.toScreen(ring.get(i));
                if (i == 0) {
                    land.moveTo(p.getX(), p.getY());
                } else {
                    land.lineTo(p.getX(), p.getY());
                }
            }
            land.closePath();
        }
        g.setColor(scene.palette().land());
        g.fill(land);
        g.setColor(scene.palette().coast());
        g.setStroke(new BasicStroke(1.2f));
        g.draw(land);
    }
}
