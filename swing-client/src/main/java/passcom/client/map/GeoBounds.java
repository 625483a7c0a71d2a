package passcom.client.map;

import java.util.Collection;

/** The smallest latitude/longitude box holding some points. */
public record GeoBounds(double south, double west, double north, double east) {

    public GeoBounds {
        if (!(south < north) || !(west < east)) {
            throw new IllegalArgumentException("empty bounds: " + south + ".." + north + ", " + west + ".." + east);
        }
    }

    public static GeoBounds of(Collection<GeoPoint> points) {
        double south = Double.MAX_VALUE;
        double north = -Double.MAX_VALUE;
        double west = Double.MAX_VALUE;
        double east = -Double.MAX_VALUE;
        for (GeoPoint p : points) {
            south = Math.min(south, p.lat());
            north = Math.max(north, p.lat());
            west = Math.min(west, p.lon());
            east = Math.max(east, p.lon());
        }
        // one city, or cities on one parallel or meridian: give the box some extent rather than none
        double halfLat = south == north ? 0.5 : 0;
        double halfLon = west == east ? 0.5 : 0;
        return new GeoBounds(south - halfLat, west - halfLon, north + halfLat, east + halfLon);
    }

    /** Grown by {@code degrees} on every side, so that points on the edge get room for a label. */
    public GeoBounds padded(double degrees) {
        return new GeoBounds(Math.max(-85, south - degrees), Math.max(-180, west - degrees),
                Math.min(85, north + degrees), Math.min(180, east + degrees));
    }
}
