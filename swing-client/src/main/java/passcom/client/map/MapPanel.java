package passcom.client.map;

import java.awt.Cursor;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.event.MouseEvent;
import java.awt.geom.Point2D;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.swing.JComponent;
import javax.swing.ToolTipManager;
import passcom.api.Rota;
import passcom.api.TrechoRota;

/**
 * The map: South America with Brazil emphasised, the network (as the connected server's {@code /rede}
 * says), the chosen itinerary, cities and a legend, painted in that fixed order; land, sea and segments come
 * from {@link MapBackground}, so a drag repaints only what moves. Wheel zooms about the pointer, drag pans,
 * a click on a city reports it to the city listener, hovering a leg of the itinerary shows its airline,
 * distance and price. Event-thread only.
 */
public final class MapPanel extends JComponent {

    private static final double CITY_TOLERANCE = 12;
    private static final double LEG_TOLERANCE = 6;
    /** Per panel, as both keep caches: land, sea and segments, then the layers painted afresh each frame. */
    private final MapBackground background = new MapBackground();
    private final List<MapLayer> layers = List.of(new ItineraryLayer(), new CityLayer(), new LegendLayer());

    private final LandOutline outline;
    private NetworkMap network;
    private GeoBounds home;
    private MapViewport viewport;
    private Rota itinerary;
    private String origin;
    private String destination;
    private MapPalette palette = MapPalette.LIGHT;
    private MapLabels labels = MapLabels.PORTUGUESE;
    private Function<TrechoRota, String> legDescription = TrechoRota::toString;
    private Consumer<String> cityListener = city -> { };

    public MapPanel(NetworkMap network, LandOutline outline) {
        this.outline = Objects.requireNonNull(outline, "outline");
        this.network = Objects.requireNonNull(network, "network");
        this.home = homeOf(network, outline);
        setOpaque(true);
        setFocusable(true);
        MapController controller = new MapController(this);
        addMouseListener(controller);
        addMouseMotionListener(controller);
        addMouseWheelListener(controller);
        ToolTipManager.sharedInstance().registerComponent(this);
    }

    /** Shows another network (the connected server's {@code /rede} arrived or changed) framed anew. */
    public void setNetwork(NetworkMap network) {
        this.network = Objects.requireNonNull(network, "network");
        this.home = homeOf(network, outline);
        this.viewport = null;
        this.itinerary = null;
        repaint();
    }

    public NetworkMap network() {
        return network;
    }

    /** The cities framed, not the whole continent (the original network lives in the south-east); Brazil when there are none. */
    private static GeoBounds homeOf(NetworkMap network, LandOutline outline) {
        if (network.isEmpty()) {
            List<GeoPoint> brazil = outline.brazil().rings().stream().flatMap(List::stream).toList();
            return brazil.isEmpty() ? new GeoBounds(-34, -74, 6, -34) : GeoBounds.of(brazil).padded(1);
        }
        return GeoBounds.of(network.cities().values()).padded(2.5);
    }

    public void setItinerary(Rota itinerary) {
        this.itinerary = itinerary;
        repaint();
    }

    public void setEndpoints(String origin, String destination) {
        this.origin = origin;
        this.destination = destination;
        repaint();
    }

    public void setPalette(MapPalette palette) {
        this.palette = Objects.requireNonNull(palette);
        repaint();
    }

    public void setLabels(MapLabels labels) {
        this.labels = Objects.requireNonNull(labels);
        repaint();
    }

    /** How a leg reads in the tooltip, e.g. "Companhia A · 890 km · R$ 1.023,50". */
    public void setLegDescription(Function<TrechoRota, String> legDescription) {
        this.legDescription = Objects.requireNonNull(legDescription);
    }

    /** Called with the city name when the customer clicks a city. */
    public void setCityListener(Consumer<String> cityListener) {
        this.cityListener = Objects.requireNonNull(cityListener);
    }

    /** The scene as it would be painted at the current size. */
    public MapScene scene() {
        return new MapScene(network, outline, viewport(), itinerary, origin, destination, palette, labels);
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            applyHints(g);
            if (getFont() != null) {
                g.setFont(getFont());
            }
            MapScene scene = scene();
            background.paint(g, scene);
            for (MapLayer layer : layers) {
                layer.paint(g, scene);
            }
        } finally {
            g.dispose();
        }
    }

    /** Antialiased shapes and text, exact strokes: the map's look, also for tools that paint its layers. */
    static void applyHints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    @Override
    public String getToolTipText(MouseEvent event) {
        return MapHitTest.legAt(scene(), event.getPoint(), LEG_TOLERANCE).map(legDescription).orElse(null);
    }

    void zoomAt(double factor, Point2D anchor) {
        viewport = viewport().zoomedAt(factor, anchor);
        repaint();
    }

    void pan(double dx, double dy) {
        viewport = viewport().panned(dx, dy);
        repaint();
    }

    public void resetView() {
        viewport = viewport().reset();
        repaint();
    }

    boolean pick(Point2D point) {
        return MapHitTest.cityAt(scene(), point, CITY_TOLERANCE).map(city -> {
            cityListener.accept(city);
            return true;
        }).orElse(false);
    }

    void hover(Point2D point) {
        boolean overCity = MapHitTest.cityAt(scene(), point, CITY_TOLERANCE).isPresent();
        setCursor(Cursor.getPredefinedCursor(overCity ? Cursor.HAND_CURSOR : Cursor.DEFAULT_CURSOR));
    }

    private MapViewport viewport() {
        int width = Math.max(1, getWidth());
        int height = Math.max(1, getHeight());
        if (viewport == null) {
            viewport = MapViewport.fitted(home, width, height);
        } else if (viewport.width() != width || viewport.height() != height) {
            viewport = viewport.resized(width, height);
        }
        return viewport;
    }
}
