package passcom.client.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small images of what the map draws hundreds of times a frame: a city name with its halo and a city dot.
 * Drawing a name's glyph outline and stroking its halo costs far more than copying a ready image, and with a
 * thousand cities that difference is most of a frame; so each is rendered once per look (text, font, colours,
 * screen scale) and then copied. Rendered at the screen's scale (HiDPI), so copies stay sharp. Bounded: the
 * least recently used entries are dropped beyond {@link #LIMIT}. Event thread (one paint at a time).
 */
final class Sprites {

    private static final int LIMIT = 4000;
    private static final int HALO = 3;

    private record Key(String text, Font font, Color fill, Color halo, double scale) {
    }

    private final Map<Key, BufferedImage> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, BufferedImage> eldest) {
            return size() > LIMIT;
        }
    };

    /** Draws {@code text} with its top-left at ({@code x}, {@code y}) in user space, haloed. */
    void label(Graphics2D g, String text, double x, double y, Color fill, Color halo) {
        double scale = g.getTransform().getScaleX();
        BufferedImage image = cache.computeIfAbsent(new Key(text, g.getFont(), fill, halo, scale), key -> renderLabel(g, key));
        draw(g, image, x - HALO, y - HALO, scale);
    }

    /** Draws a dot of {@code radius} with a rim, centred on ({@code cx}, {@code cy}). */
    void dot(Graphics2D g, double cx, double cy, double radius, Color fill, Color rim, float rimWidth) {
        double scale = g.getTransform().getScaleX();
        String shape = "dot:" + radius + ":" + rimWidth;
        BufferedImage image = cache.computeIfAbsent(new Key(shape, null, fill, rim, scale), key -> renderDot(radius, fill, rim, rimWidth, scale));
        double half = radius + rimWidth + 1;
        draw(g, image, cx - half, cy - half, scale);
    }

    private static void draw(Graphics2D g, BufferedImage image, double x, double y, double scale) {
        if (scale == 1) {
            g.drawImage(image, (int) Math.round(x), (int) Math.round(y), null);
        } else {
            AffineTransform place = AffineTransform.getTranslateInstance(x, y);
            place.scale(1 / scale, 1 / scale);
            g.drawImage(image, place, null);
        }
    }

    private static BufferedImage renderLabel(Graphics2D like, Key key) {
        FontMetrics metrics = like.getFontMetrics(key.font());
        int width = (int) Math.ceil((metrics.stringWidth(key.text()) + 2 * HALO + 2) * key.scale());
        int height = (int) Math.ceil((metrics.getAscent() + metrics.getDescent() + 2 * HALO + 1) * key.scale());
        BufferedImage image = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        hints(g);
        g.scale(key.scale(), key.scale());
        g.setFont(key.font());
        TextLayout layout = new TextLayout(key.text(), key.font(), g.getFontRenderContext());
        Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(HALO, HALO + metrics.getAscent()));
        g.setColor(key.halo());
        g.setStroke(new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(outline);
        g.setColor(key.fill());
        g.fill(outline);
        g.dispose();
        return image;
    }

    private static BufferedImage renderDot(double radius, Color fill, Color rim, float rimWidth, double scale) {
        double half = radius + rimWidth + 1;
        int size = (int) Math.ceil(2 * half * scale);
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        hints(g);
        g.scale(scale, scale);
        Ellipse2D body = new Ellipse2D.Double(half - radius, half - radius, 2 * radius, 2 * radius);
        g.setColor(fill);
        g.fill(body);
        g.setColor(rim);
        g.setStroke(new BasicStroke(rimWidth));
        double r = radius + rimWidth / 2;
        g.draw(new Ellipse2D.Double(half - r, half - r, 2 * r, 2 * r));
        g.dispose();
        return image;
    }

    private static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }
}
