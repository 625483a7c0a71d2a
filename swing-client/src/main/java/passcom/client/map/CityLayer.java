package passcom.client.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cities as dots with their names. The picked origin and destination get a coloured ring and a bold name.
 *
 * <p>Labels are decluttered by zoom level: the origin and destination are always named, then cities claim
 * room best connected first ({@link NetworkMap#byProminence()}); each name goes to the first of right, left,
 * above, below of its dot that overlaps nothing placed before it, and a name with no free place is not
 * drawn. Zoomed out over a thousand cities only the hubs are named; zooming in makes room for the rest.
 * On a small network (at most {@link #FEW} cities) every dot keeps names off it and every city is named, as
 * the map of the ten original cities always was; on a larger one the dots are smaller and only placed names
 * and the endpoints' rings keep others away. Names have a halo so they stay readable over lines and land.
 * Cities outside the view are skipped, and names and dots are copied from {@link Sprites}, not drawn afresh.
 */
final class CityLayer implements MapLayer {

    static final double DOT_RADIUS = 5;
    static final double SMALL_DOT_RADIUS = 3;
    private static final double RING_RADIUS = 9;
    private static final double GAP = 11;
    static final int FEW = 150;

    private final Sprites sprites = new Sprites();

    /** A city's name placed on screen; {@code bold} for the origin and destination. */
    record Label(String city, Rectangle2D box, boolean bold) {
    }

    @Override
    public void paint(Graphics2D g, MapScene scene) {
        MapPalette palette = scene.palette();
        Map<String, Point2D> visible = visible(scene);
        boolean few = scene.network().cities().size() <= FEW;
        double radius = few ? DOT_RADIUS : SMALL_DOT_RADIUS;
        for (Map.Entry<String, Point2D> city : visible.entrySet()) {
            Point2D p = city.getValue();
            Color ring = city.getKey().equals(scene.origin()) ? palette.origin()
                    : city.getKey().equals(scene.destination()) ? palette.destination() : null;
            if (ring != null) {
                g.setColor(ring);
                g.setStroke(new BasicStroke(3f));
                g.draw(circle(p, RING_RADIUS));
            }
            sprites.dot(g, p.getX(), p.getY(), radius, palette.city(), palette.cityRim(), few ? 1.5f : 1f);
        }
        Font plain = g.getFont().deriveFont(Font.PLAIN);
        Font bold = plain.deriveFont(Font.BOLD);
        for (Label label : labels(scene, visible, g.getFontMetrics(plain), g.getFontMetrics(bold))) {
            g.setFont(label.bold() ? bold : plain);
            sprites.label(g, label.city(), label.box().getX(), label.box().getY(), palette.label(), palette.labelHalo());
        }
    }

    /** Where the names go in this scene with these fonts: the declutter described on the class, without drawing. */
    static List<Label> labels(MapScene scene, FontMetrics plain, FontMetrics bold) {
        return labels(scene, visible(scene), plain, bold);
    }

    private static List<Label> labels(MapScene scene, Map<String, Point2D> visible, FontMetrics plain, FontMetrics bold) {
        boolean few = scene.network().cities().size() <= FEW;
        double radius = few ? DOT_RADIUS : SMALL_DOT_RADIUS;
        LabelGrid taken = new LabelGrid();
        for (Map.Entry<String, Point2D> city : visible.entrySet()) {
            boolean endpoint = city.getKey().equals(scene.origin()) || city.getKey().equals(scene.destination());
            if (few || endpoint) {
                taken.add(dotBox(city.getValue(), endpoint ? RING_RADIUS : radius + 1));
            }
        }
        List<Label> placed = new ArrayList<>();
        for (String city : labelOrder(visible, scene)) {
            boolean endpoint = city.equals(scene.origin()) || city.equals(scene.destination());
            Point2D p = visible.get(city);
            Rectangle2D box = place(city, p, endpoint ? bold : plain, taken, endpoint || few);
            if (box != null) {
                taken.add(box);
                if (!few) {
                    taken.add(dotBox(p, radius + 1));
                }
                placed.add(new Label(city, box, endpoint));
            }
        }
        return placed;
    }

    /** The cities whose dot is on screen, best connected first, with their screen positions. */
    private static Map<String, Point2D> visible(MapScene scene) {
        MapViewport view = scene.viewport();
        Map<String, Point2D> visible = new LinkedHashMap<>();
        Rectangle2D screen = new Rectangle2D.Double(-RING_RADIUS, -RING_RADIUS, view.width() + 2 * RING_RADIUS, view.height() + 2 * RING_RADIUS);
        for (String city : scene.network().byProminence()) {
            Point2D p = view.toScreen(scene.network().at(city));
            if (screen.contains(p)) {
                visible.put(city, p);
            }
        }
        return visible;
    }

    /** The endpoints first (they must be named), then the visible cities as ranked. */
    private static List<String> labelOrder(Map<String, Point2D> visible, MapScene scene) {
        List<String> order = new ArrayList<>(visible.size());
        for (String endpoint : new String[] {scene.origin(), scene.destination()}) {
            if (endpoint != null && visible.containsKey(endpoint)) {
                order.add(endpoint);
            }
        }
        for (String city : visible.keySet()) {
            if (!city.equals(scene.origin()) && !city.equals(scene.destination())) {
                order.add(city);
            }
        }
        return order;
    }

    /** The first free place for the name, or null; a name that must show goes right of its dot if nowhere is free. */
    private static Rectangle2D place(String name, Point2D p, FontMetrics metrics, LabelGrid taken, boolean mustShow) {
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
            if (taken.isFree(candidate)) {
                return candidate;
            }
        }
        return mustShow ? candidates[0] : null;
    }

    private static Rectangle2D dotBox(Point2D p, double radius) {
        return new Rectangle2D.Double(p.getX() - radius, p.getY() - radius, 2 * radius, 2 * radius);
    }

    private static Shape circle(Point2D centre, double radius) {
        return new Ellipse2D.Double(centre.getX() - radius, centre.getY() - radius, 2 * radius, 2 * radius);
    }
}
