package passcom.client.map;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import passcom.api.TrechoRota;

/**
 * The chosen itinerary: each leg a thick line in its airline's colour, with an arrowhead at its middle
 * pointing the way it is flown.
 */
final class ItineraryLayer implements MapLayer {

    static final float WIDTH = 5f;

    @Override
    public void paint(Graphics2D g, MapScene scene) {
        if (scene.itinerary() == null) {
            return;
        }
        g.setStroke(new BasicStroke(WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (TrechoRota leg : scene.itinerary().trechos()) {
            GeoPoint from = scene.network().at(leg.origem());
            GeoPoint to = scene.network().at(leg.destino());
            if (from == null || to == null) {
                continue;
            }
            Point2D a = scene.viewport().toScreen(from);
            Point2D b = scene.viewport().toScreen(to);
            g.setColor(AirlineColors.of(leg.companhia()));
            g.draw(new Line2D.Double(a, b));
            g.fill(arrowhead(a, b));
        }
    }

    private static Path2D arrowhead(Point2D a, Point2D b) {
        double angle = Math.atan2(b.getY() - a.getY(), b.getX() - a.getX());
        double tipX = (a.getX() + b.getX()) / 2 + 6 * Math.cos(angle);
        double tipY = (a.getY() + b.getY()) / 2 + 6 * Math.sin(angle);
        Path2D head = new Path2D.Double();
        head.moveTo(tipX, tipY);
        head.lineTo(tipX - 14 * Math.cos(angle - 0.45), tipY - 14 * Math.sin(angle - 0.45));
        head.lineTo(tipX - 14 * Math.cos(angle + 0.45), tipY - 14 * Math.sin(angle + 0.45));
        head.closePath();
        return head;
    }
}
