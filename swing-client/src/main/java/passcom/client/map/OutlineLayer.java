package passcom.client.map;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * The sea, then South America's countries as land with thin borders, then Brazil on top: filled in the
 * land colour and stroked as a coast, so that it stands out from its neighbours.
 */
final class OutlineLayer implements MapLayer {

    @Override
    public void paint(Graphics2D g, MapScene scene) {
        paint(g, scene, new Rectangle2D.Double(0, 0, scene.viewport().width(), scene.viewport().height()));
    }

    /** Paints {@code area} (screen coordinates of the view, possibly beyond its edges). */
    void paint(Graphics2D g, MapScene scene, Rectangle2D area) {
        MapViewport view = scene.viewport();
        MapPalette palette = scene.palette();
        g.setColor(palette.sea());
        g.fill(area);
        Path2D neighbours = new Path2D.Double(Path2D.WIND_NON_ZERO);
        for (LandOutline.Country country : scene.outline().countries()) {
            if (!country.isBrazil()) {
                append(neighbours, country.rings(), view);
            }
        }
        g.setColor(palette.neighbourLand());
        g.fill(neighbours);
        g.setColor(palette.border());
        g.setStroke(new BasicStroke(0.8f));
        g.draw(neighbours);

        Path2D brazil = new Path2D.Double(Path2D.WIND_NON_ZERO);
        append(brazil, scene.outline().brazil().rings(), view);
        g.setColor(palette.land());
        g.fill(brazil);
        g.setColor(palette.coast());
        g.setStroke(new BasicStroke(1.4f));
        g.draw(brazil);
    }

    private static void append(Path2D path, List<List<GeoPoint>> rings, MapViewport view) {
        for (List<GeoPoint> ring : rings) {
            for (int i = 0; i < ring.size(); i++) {
                Point2D p = view.toScreen(ring.get(i));
                if (i == 0) {
                    path.moveTo(p.getX(), p.getY());
                } else {
                    path.lineTo(p.getX(), p.getY());
                }
            }
            path.closePath();
        }
    }
}
