package passcom.client.map;

import java.awt.geom.Point2D;

/**
 * Where the map is looking: the spherical Mercator projection of {@code bounds} fitted (uniform scale,
 * centred) into a {@code width} × {@code height} pixel area, then zoomed by {@code zoom} about the centre and
 * shifted by {@code panX}/{@code panY} pixels. Immutable (as JOSM's MapViewState): every gesture returns a
 * new viewport, so a paint always sees one consistent state. Pure math, no AWT component.
 *
 * <p>Mercator keeps angles, so the coastline and the routes look as on any atlas; over Brazil's 39° of
 * latitude its area distortion is mild. Formula: x = λ, y = ln tan(π/4 + φ/2) (Snyder, Map Projections —
 * A Working Manual, USGS 1987, eq. 7-1, 7-2).
 */
public record MapViewport(GeoBounds bounds, int width, int height, double zoom, double panX, double panY) {

    public static final double MIN_ZOOM = 0.3;
    public static final double MAX_ZOOM = 16;
    private static final int MARGIN = 16;

    public MapViewport {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("empty viewport " + width + "x" + height);
        }
        if (!(zoom >= MIN_ZOOM && zoom <= MAX_ZOOM)) {
            throw new IllegalArgumentException("zoom out of range: " + zoom);
        }
    }

    /** The whole of {@code bounds} visible, unzoomed. */
    public static MapViewport fitted(GeoBounds bounds, int width, int height) {
        return new MapViewport(bounds, width, height, 1, 0, 0);
    }

    public Point2D toScreen(GeoPoint p) {
        double scale = scale() * zoom;
        double x = width / 2.0 + (mercatorX(p.lon()) - centreX()) * scale + panX;
        double y = height / 2.0 - (mercatorY(p.lat()) - centreY()) * scale + panY;
        return new Point2D.Double(x, y);
    }

    public GeoPoint toGeo(Point2D screen) {
        double scale = scale() * zoom;
        double mx = (screen.getX() - width / 2.0 - panX) / scale + centreX();
        double my = -(screen.getY() - height / 2.0 - panY) / scale + centreY();
        return new GeoPoint(Math.toDegrees(Math.atan(Math.sinh(my))), Math.toDegrees(mx));
    }

    /** Zoomed by {@code factor} (clamped to the allowed range) keeping the point under {@code anchor} still. */
    public MapViewport zoomedAt(double factor, Point2D anchor) {
        double newZoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom * factor));
        double ratio = newZoom / zoom;
        // the anchor's offset from the zoom centre grows by the ratio; shift the pan to cancel that growth
        double ax = anchor.getX() - width / 2.0;
        double ay = anchor.getY() - height / 2.0;
        return new MapViewport(bounds, width, height, newZoom, ax - (ax - panX) * ratio, ay - (ay - panY) * ratio);
    }

    public MapViewport panned(double dx, double dy) {
        return new MapViewport(bounds, width, height, zoom, panX + dx, panY + dy);
    }

    /** Same view for a new component size: the fit follows the size, zoom and pan stay. */
    public MapViewport resized(int newWidth, int newHeight) {
        return new MapViewport(bounds, newWidth, newHeight, zoom, panX, panY);
    }

    public MapViewport reset() {
        return fitted(bounds, width, height);
    }

    /** Pixels per Mercator unit at zoom 1: the larger scale at which the bounds still fit both ways. */
    private double scale() {
        double spanX = mercatorX(bounds.east()) - mercatorX(bounds.west());
        double spanY = mercatorY(bounds.north()) - mercatorY(bounds.south());
        return Math.min(Math.max(1, width - 2 * MARGIN) / spanX, Math.max(1, height - 2 * MARGIN) / spanY);
    }

    private double centreX() {
        return (mercatorX(bounds.west()) + mercatorX(bounds.east())) / 2;
    }

    private double centreY() {
        return (mercatorY(bounds.south()) + mercatorY(bounds.north())) / 2;
    }

    static double mercatorX(double lonDegrees) {
        return Math.toRadians(lonDegrees);
    }

    static double mercatorY(double latDegrees) {
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(latDegrees) / 2));
    }
}
