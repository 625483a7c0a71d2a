package passcom.client.map;

import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.util.Map;
import java.util.Optional;
import passcom.api.TrechoRota;

/** What is under a screen point: the nearest city or itinerary leg within a tolerance in pixels. */
public final class MapHitTest {

    private MapHitTest() {
    }

    public static Optional<String> cityAt(MapScene scene, Point2D point, double tolerance) {
        String best = null;
        double bestDistance = tolerance;
        for (Map.Entry<String, GeoPoint> city : scene.network().cities().entrySet()) {
            double distance = scene.viewport().toScreen(city.getValue()).distance(point);
            if (distance <= bestDistance) {
                best = city.getKey();
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    public static Optional<TrechoRota> legAt(MapScene scene, Point2D point, double tolerance) {
        if (scene.itinerary() == null) {
            return Optional.empty();
        }
        TrechoRota best = null;
        double bestDistance = tolerance;
        for (TrechoRota leg : scene.itinerary().trechos()) {
            GeoPoint from = scene.network().at(leg.origem());
            GeoPoint to = scene.network().at(leg.destino());
            if (from == null || to == null) {
                continue;
            }
            Line2D line = new Line2D.Double(scene.viewport().toScreen(from), scene.viewport().toScreen(to));
            double distance = line.ptSegDist(point);
            if (distance <= bestDistance) {
                best = leg;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }
}
