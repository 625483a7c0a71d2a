package passcom.client.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import passcom.client.fake.FakeNetwork;

/** Where city names go: never on each other, the endpoints always, more names as the customer zooms in. */
class CityLabelsTest {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 760;

    private final BufferedImage canvas = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    private final Graphics2D g = canvas.createGraphics();
    private final Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private final FontMetrics plain = g.getFontMetrics(font);
    private final FontMetrics bold = g.getFontMetrics(font.deriveFont(Font.BOLD));

    private List<CityLayer.Label> labels(MapPanel panel) {
        return CityLayer.labels(panel.scene(), plain, bold);
    }

    private static MapPanel panel(NetworkMap network) {
        MapPanel panel = new MapPanel(network, LandOutline.loadDefault());
        panel.setSize(WIDTH, HEIGHT);
        return panel;
    }

    @Test
    void when_the_ten_city_network_is_shown_then_every_city_is_named() {
        MapPanel panel = panel(NetworkMap.of(FakeNetwork.defaultRede()));

        assertThat(labels(panel)).extracting(CityLayer.Label::city).hasSize(10);
    }

    @Test
    void when_a_thousand_cities_are_shown_then_names_never_overlap_and_zooming_in_names_more_of_those_in_view() {
        NetworkMap thousand = NetworkMap.of(SyntheticNetworks.scattered(1000, 3, 1));
        MapPanel panel = panel(thousand);

        List<CityLayer.Label> home = labels(panel);
        panel.zoomAt(4, new Point2D.Double(WIDTH / 2.0, HEIGHT / 2.0));
        List<CityLayer.Label> zoomed = labels(panel);

        assertThat(home).as("decluttered: far fewer names than cities").hasSizeBetween(10, 400);
        for (List<CityLayer.Label> placed : List.of(home, zoomed)) {
            for (int i = 0; i < placed.size(); i++) {
                for (int j = i + 1; j < placed.size(); j++) {
                    assertThat(placed.get(i).box().intersects(placed.get(j).box()))
                            .as(placed.get(i).city() + " and " + placed.get(j).city()).isFalse();
                }
            }
        }
        long inViewAtHome = home.stream().filter(label -> isCentral(label)).count();
        long inViewZoomed = zoomed.size();
        assertThat(inViewZoomed).as("the quarter of the map now filling the view has more names than it had").isGreaterThan(inViewAtHome);
    }

    @Test
    void when_origin_and_destination_are_picked_on_a_crowded_map_then_both_are_named_in_bold() {
        NetworkMap thousand = NetworkMap.of(SyntheticNetworks.scattered(1000, 3, 1));
        MapPanel panel = panel(thousand);
        String origin = thousand.byProminence().get(999);
        String destination = thousand.byProminence().get(998);
        panel.setEndpoints(origin, destination);

        assertThat(labels(panel)).filteredOn(CityLayer.Label::bold).extracting(CityLayer.Label::city).containsExactlyInAnyOrder(origin, destination);
    }

    /** Inside the middle quarter of the view: what a 4× zoom about the centre spreads over the whole view. */
    private static boolean isCentral(CityLayer.Label label) {
        double x = label.box().getCenterX();
        double y = label.box().getCenterY();
        return x > WIDTH * 3 / 8.0 && x < WIDTH * 5 / 8.0 && y > HEIGHT * 3 / 8.0 && y < HEIGHT * 5 / 8.0;
    }
}
