package passcom.client.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import passcom.api.Rota;
import passcom.api.TrechoRota;
import passcom.client.fake.FakeNetwork;

/** The map painted headless into an image: things are where the projection says, in the right colours. */
class MapPanelRenderTest {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 700;
    private static final Rota CUIABA_TO_BH = new Rota(
            List.of(List.of("A", "B"), List.of("Cuiabá", "Goiânia", "Belo Horizonte")),
            List.of(new TrechoRota("Cuiabá", "Goiânia", "A", 890, new BigDecimal("1023.50")),
                    new TrechoRota("Goiânia", "Belo Horizonte", "B", 890, new BigDecimal("1201.50"))),
            1780, new BigDecimal("2225.00"));

    private final NetworkMap network = NetworkMap.of(FakeNetwork.defaultRede());
    private final MapPanel panel = new MapPanel(network, LandOutline.loadDefault());

    private BufferedImage render() {
        panel.setSize(WIDTH, HEIGHT);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        panel.paint(g);
        g.dispose();
        return image;
    }

    private Point2D at(String city) {
        return panel.scene().viewport().toScreen(network.at(city));
    }

    private static Color pixel(BufferedImage image, Point2D p) {
        return new Color(image.getRGB((int) Math.floor(p.getX()), (int) Math.floor(p.getY())));
    }

    /** A point a fraction {@code t} of the way from {@code a} to {@code b}. */
    private static Point2D along(Point2D a, Point2D b, double t) {
        return new Point2D.Double(a.getX() + (b.getX() - a.getX()) * t, a.getY() + (b.getY() - a.getY()) * t);
    }

    @Test
    void when_painted_then_every_city_dot_is_where_the_projection_puts_it() {
        BufferedImage image = render();

        for (String city : network.cities().keySet()) {
            assertThat(pixel(image, at(city))).as(city).isEqualTo(MapPalette.LIGHT.city());
        }
    }

    @Test
    void when_an_itinerary_is_chosen_then_its_legs_are_drawn_in_their_airlines_colours() {
        panel.setItinerary(CUIABA_TO_BH);
        BufferedImage image = render();

        for (double t : new double[] {0.25, 0.35, 0.7}) {
            assertThat(pixel(image, along(at("Cuiabá"), at("Goiânia"), t))).as("Cuiabá–Goiânia at " + t).isEqualTo(AirlineColors.of("A"));
            assertThat(pixel(image, along(at("Goiânia"), at("Belo Horizonte"), t))).as("Goiânia–BH at " + t).isEqualTo(AirlineColors.of("B"));
        }
    }

    @Test
    void when_no_itinerary_is_chosen_then_no_airline_colour_is_on_the_segments() {
        BufferedImage image = render();

        Point2D quarter = along(at("Cuiabá"), at("Goiânia"), 0.3);
        assertThat(pixel(image, quarter)).isNotEqualTo(AirlineColors.of("A"));
    }

    @Test
    void when_zoomed_then_cities_are_still_painted_where_the_new_view_puts_them() {
        panel.setSize(WIDTH, HEIGHT);
        panel.zoomAt(2, at("São Paulo"));
        BufferedImage image = render();

        assertThat(pixel(image, at("São Paulo"))).isEqualTo(MapPalette.LIGHT.city());
        assertThat(pixel(image, at("Rio de Janeiro"))).isEqualTo(MapPalette.LIGHT.city());
    }

    @Test
    void when_the_dark_palette_is_used_then_sea_and_cities_take_its_colours() {
        panel.setPalette(MapPalette.DARK);
        BufferedImage image = render();

        Point2D atlantic = panel.scene().viewport().toScreen(new GeoPoint(-26, -40));
        assertThat(pixel(image, atlantic)).isEqualTo(MapPalette.DARK.sea());
        assertThat(pixel(image, at("Goiânia"))).isEqualTo(MapPalette.DARK.city());
    }

    @Test
    void when_hovering_a_leg_or_clicking_a_city_then_hit_tests_find_them() {
        panel.setItinerary(CUIABA_TO_BH);
        panel.setSize(WIDTH, HEIGHT);
        MapScene scene = panel.scene();

        assertThat(MapHitTest.cityAt(scene, at("Curitiba"), 12)).contains("Curitiba");
        assertThat(MapHitTest.legAt(scene, along(at("Goiânia"), at("Belo Horizonte"), 0.5), 6)).map(TrechoRota::companhia).contains("B");
        assertThat(MapHitTest.legAt(scene, at("Porto Alegre"), 6)).isEmpty();
    }

    @Test
    void when_painted_then_paraguay_and_bolivia_are_land_not_sea_and_brazil_stands_out() {
        panel.setSize(WIDTH, HEIGHT);
        panel.zoomAt(0.5, new Point2D.Double(WIDTH / 2.0, HEIGHT / 2.0));
        BufferedImage image = render();
        MapViewport view = panel.scene().viewport();

        assertThat(pixel(image, view.toScreen(new GeoPoint(-23.0, -58.0)))).as("Paraguay").isEqualTo(MapPalette.LIGHT.neighbourLand());
        assertThat(pixel(image, view.toScreen(new GeoPoint(-17.0, -64.5)))).as("Bolivia").isEqualTo(MapPalette.LIGHT.neighbourLand());
        assertThat(pixel(image, view.toScreen(new GeoPoint(-10.0, -50.0)))).as("Brazil").isEqualTo(MapPalette.LIGHT.land());
        assertThat(pixel(image, view.toScreen(new GeoPoint(-15.0, -33.0)))).as("the Atlantic").isEqualTo(MapPalette.LIGHT.sea());
    }

    @Test
    void when_the_server_publishes_no_network_then_the_land_is_still_drawn_and_no_city_is() {
        panel.setNetwork(NetworkMap.EMPTY);
        BufferedImage image = render();

        assertThat(pixel(image, panel.scene().viewport().toScreen(new GeoPoint(-10.0, -50.0)))).isEqualTo(MapPalette.LIGHT.land());
        assertThat(MapHitTest.cityAt(panel.scene(), new Point2D.Double(WIDTH / 2.0, HEIGHT / 2.0), WIDTH)).isEmpty();
    }
}
