package passcom.client.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cities as dots with their names. The picked origin and destination get a coloured ring and a bold name.
 * Each name goes to the first of right, left, above, below of its dot that overlaps no dot and no name
 * placed before it; names have a halo so they stay readable over lines and land.
 */
final class CityLayer implements MapLayer {

    static final double DOT_RADIUS = 5;
    private static final double RING_RADIUS = 9;
    private static final double GAP = 11;

    @Override
    public void paint(Graphics2D g, MapScene scene) {
        MapPalette palette = scene.palette();
        List<Rectangle2D> taken = new ArrayList<>();
        for (GeoPoint at : scene.network().cities().values()) {
            Point2D p = scene.viewport().toScreen(at);
            taken.add(new Rectangle2D.Double(p.getX() - RING_RADIUS, p.getY() - RING_RADIUS, 2 * RING_RADIUS, 2 * RING_RADIUS));
        }
        for (Map.Entry<String, GeoPoint> city : scene.network().cities().entrySet()) {
            Point2D p = scene.viewport().toScreen(city.getValue());
            Color ring = city.getKey().equals(scene.origin()) ? palette.origin()
                    : city.getKey().equals(scene.destination()) ? palette.destination() : null;
            if (ring != null) {
                g.setColor(ring);
                g.setStroke(new BasicStroke(3f));
                g.draw(circle(p, RING_RADIUS));
            }
            g.setColor(palette.city());
            g.fill(circle(p, DOT_RADIUS));
            g.setColor(palette.cityRim());
            g.setStroke(new BasicStroke(1.5f));
            g.draw(circle(p, DOT_RADIUS + 0.75));
        }
        Font plain = g.getFont().deriveFont(Font.PLAIN);
        Font bold = plain.deriveFont(Font.BOLD);
        for (Map.Entry<String, GeoPoint> city : scene.network().cities().entrySet()) {
            boolean endpoint = city.getKey().equals(scene.origin()) || city.getKey().equals(scene.destination());
            g.setFont(endpoint ? bold : plain);
            Point2D p = scene.viewport().toScreen(city.getValue());
            Rectangle2D box = place(city.getKey(), p, g.getFontMetrics(), taken);
            taken.add(box);
            drawHaloed(g, city.getKey(), box, palette);
        }
    }

    private static Rectangle2D place(String name, Point2D p, FontMetrics metrics, List<Rectangle2D> taken) {
        double w = metrics.stringWidth(name);
        double h = metrics.getAscent() + metrics.getDescent();
        double x = p.getX();
        double y = p.getY();
        Rectangle2D[] candidates = {
            new Rectangle2D.Double(x + GAP, y - h / 2, w, h),
            new Rectangle2D.Double(x - GAP - w, y - h / 2, w, h),
            new Rectangle2D.Double(x - w / 2, y - GAP - h, w, h),
            new Rectangle2D.Double(x - w / 2, y + GAP, w, h),
        };
        for (Rectangle2D candidate : candidates) {
            if (taken.stream().noneMatch(candidate::intersects)) {
                return candidate;
            }
        }
        return candidates[0];
    }

    private static void drawHaloed(Graphics2D g, String text, Rectangle2D box, MapPalette palette) {
        FontMetrics metrics = g.getFontMetrics();
        TextLayout layout = new TextLayout(text, g.getFont(), g.getFontRenderContext());
        Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(box.getX(), box.getY() + metrics.getAscent()));
        g.setColor(palette.labelHalo());
        g.setStroke(new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(outline);
        g.setColor(palette.label());
        g.fill(outline);
    }

    private static Shape circle(Point2D centre, double radius) {
        return new Ellipse2D.Double(centre.getX() - radius, centre.getY() - radius, 2 * radius, 2 * radius);
    }
}
