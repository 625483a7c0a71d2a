package passcom.client.map;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * The part of the map that does not change while the customer drags it: sea, land and the network's
 * segments, rendered once into an image. A pan within the image is a copy of it at an offset. A zoom, a
 * resize, another network or palette renders just the view (a wheel zoom renders every step, so it must stay
 * as cheap as a plain paint); the first pan past the image's edge then renders it again reaching
 * {@link #MARGIN} pixels beyond each edge of the view, so the rest of the drag is copies. Painting a thousand-city network's 2,500 antialiased segments and the
 * continent's outline every frame of a drag would take most of the frame budget. Rendered at the screen's
 * scale, so it stays sharp on HiDPI. Event thread.
 */
final class MapBackground {

    static final int MARGIN = 300;

    private final OutlineLayer outline = new OutlineLayer();
    private final SegmentLayer segments = new SegmentLayer();
    private BufferedImage image;
    private Object key;
    private double renderedPanX;
    private double renderedPanY;
    private int margin;

    /** What makes one rendering different from another, apart from the pan. */
    private record Key(NetworkMap network, LandOutline land, MapPalette palette, GeoBounds bounds, int width, int height,
                       double zoom, double scale) {
    }

    void paint(Graphics2D g, MapScene scene) {
        MapViewport view = scene.viewport();
        double scale = g.getTransform().getScaleX();
        Key now = new Key(scene.network(), scene.outline(), scene.palette(), view.bounds(), view.width(), view.height(), view.zoom(), scale);
        double dx = view.panX() - renderedPanX;
        double dy = view.panY() - renderedPanY;
        boolean changed = image == null || !Objects.equals(key, now);
        if (changed || Math.abs(dx) > margin || Math.abs(dy) > margin) {
            margin = changed ? 0 : MARGIN;
            render(scene, scale, g);
            key = now;
            dx = 0;
            dy = 0;
        }
        AffineTransform place = AffineTransform.getTranslateInstance(dx - margin, dy - margin);
        place.scale(1 / scale, 1 / scale);
        g.drawImage(image, place, null);
    }

    private void render(MapScene scene, double scale, Graphics2D like) {
        MapViewport view = scene.viewport();
        int width = (int) Math.ceil((view.width() + 2 * margin) * scale);
        int height = (int) Math.ceil((view.height() + 2 * margin) * scale);
        if (image == null || image.getWidth() != width || image.getHeight() != height) {
            image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        }
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHints(like.getRenderingHints());
            g.scale(scale, scale);
            g.translate(margin, margin);
            Rectangle2D area = new Rectangle2D.Double(-margin, -margin, view.width() + 2.0 * margin, view.height() + 2.0 * margin);
            outline.paint(g, scene, area);
            segments.paint(g, scene, area);
        } finally {
            g.dispose();
        }
        renderedPanX = view.panX();
        renderedPanY = view.panY();
    }
}
