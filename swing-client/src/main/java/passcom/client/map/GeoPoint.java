package passcom.client.map;

/** A WGS84 position in degrees. */
public record GeoPoint(double lat, double lon) {

    public GeoPoint {
        if (!(lat >= -85 && lat <= 85) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("outside the mappable world: " + lat + ", " + lon);
        }
    }
}
