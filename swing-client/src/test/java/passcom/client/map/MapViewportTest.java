package passcom.client.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.Point2D;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MapViewportTest {

    private static final GeoPoint CUIABA = new GeoPoint(-15.6, -56.1);
    private static final GeoPoint PORTO_ALEGRE = new GeoPoint(-30.03, -51.22);
    private static final GeoPoint VITORIA = new GeoPoint(-20.32, -40.31);
    private static final GeoBounds BOUNDS = GeoBounds.of(List.of(CUIABA, PORTO_ALEGRE, VITORIA));

    private final MapViewport view = MapViewport.fitted(BOUNDS, 800, 600);

    @Test
    void when_projected_then_north_is_up_and_east_is_right() {
        assertThat(view.toScreen(CUIABA).getY()).isLessThan(view.toScreen(PORTO_ALEGRE).getY());
        assertThat(view.toScreen(VITORIA).getX()).isGreaterThan(view.toScreen(CUIABA).getX());
    }

    @Test
    void when_fitted_then_the_bounds_fill_one_dimension_inside_the_margin_and_are_centred() {
        Point2D northWest = view.toScreen(new GeoPoint(BOUNDS.north(), BOUNDS.west()));
        Point2D southEast = view.toScreen(new GeoPoint(BOUNDS.south(), BOUNDS.east()));

        assertThat(northWest.getX()).isGreaterThanOrEqualTo(15.99);
        assertThat(northWest.getY()).isGreaterThanOrEqualTo(15.99);
        assertThat(southEast.getX()).isLessThanOrEqualTo(784.01);
        assertThat(southEast.getY()).isLessThanOrEqualTo(584.01);
        boolean fillsWidth = Math.abs(southEast.getX() - northWest.getX() - 768) < 1e-6;
        boolean fillsHeight = Math.abs(southEast.getY() - northWest.getY() - 568) < 1e-6;
        assertThat(fillsWidth || fillsHeight).isTrue();
        assertThat((northWest.getX() + southEast.getX()) / 2).isCloseTo(400, within(1e-6));
        assertThat((northWest.getY() + southEast.getY()) / 2).isCloseTo(300, within(1e-6));
    }

    @Test
    void when_latitudes_are_projected_then_spacing_grows_away_from_the_equator_as_in_mercator() {
        double y0 = view.toScreen(new GeoPoint(-15, -50)).getY();
        double y1 = view.toScreen(new GeoPoint(-20, -50)).getY();
        double y2 = view.toScreen(new GeoPoint(-25, -50)).getY();
        double y3 = view.toScreen(new GeoPoint(-30, -50)).getY();

        assertThat(y1 - y0).isLessThan(y2 - y1);
        assertThat(y2 - y1).isLessThan(y3 - y2);
    }

    @Test
    void when_a_screen_point_is_mapped_back_then_the_position_is_recovered_for_any_view() {
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            MapViewport v = MapViewport.fitted(BOUNDS, 100 + random.nextInt(1500), 100 + random.nextInt(1000))
                    .zoomedAt(0.5 + random.nextDouble() * 6, new Point2D.Double(random.nextInt(800), random.nextInt(600)))
                    .panned(random.nextInt(400) - 200, random.nextInt(400) - 200);
            GeoPoint p = new GeoPoint(-34 + random.nextDouble() * 39, -74 + random.nextDouble() * 40);

            GeoPoint back = v.toGeo(v.toScreen(p));

            assertThat(back.lat()).isCloseTo(p.lat(), within(1e-9));
            assertThat(back.lon()).isCloseTo(p.lon(), within(1e-9));
        }
    }

    @Test
    void when_zoomed_at_a_point_then_that_point_stays_under_the_pointer() {
        Point2D anchor = view.toScreen(VITORIA);

        MapViewport zoomed = view.zoomedAt(2.5, anchor);

        assertThat(zoomed.zoom()).isEqualTo(2.5);
        assertThat(zoomed.toScreen(VITORIA).distance(anchor)).isLessThan(1e-9);
        assertThat(zoomed.toScreen(CUIABA).distance(zoomed.toScreen(PORTO_ALEGRE)))
                .isCloseTo(2.5 * view.toScreen(CUIABA).distance(view.toScreen(PORTO_ALEGRE)), within(1e-6));
    }

    @Test
    void when_zoom_goes_past_the_limits_then_it_is_clamped() {
        Point2D centre = new Point2D.Double(400, 300);
        assertThat(view.zoomedAt(1000, centre).zoom()).isEqualTo(MapViewport.MAX_ZOOM);
        assertThat(view.zoomedAt(0.0001, centre).zoom()).isEqualTo(MapViewport.MIN_ZOOM);
    }

    @Test
    void when_panned_then_every_point_moves_by_the_drag() {
        Point2D before = view.toScreen(CUIABA);

        Point2D after = view.panned(30, -20).toScreen(CUIABA);

        assertThat(after.getX() - before.getX()).isCloseTo(30, within(1e-9));
        assertThat(after.getY() - before.getY()).isCloseTo(-20, within(1e-9));
    }

    @Test
    void when_reset_then_zoom_and_pan_are_gone() {
        MapViewport moved = view.zoomedAt(3, new Point2D.Double(10, 10)).panned(50, 50);

        assertThat(moved.reset()).isEqualTo(view);
    }
}
