package passcom.client.map;

import java.awt.Color;
import java.util.List;

/**
 * The colour of each airline on the map and in the tables: A, B and C get blue, orange and green (the
 * Tableau 10 palette, distinguishable by most colour-blind readers and on light and dark backgrounds);
 * further airlines take the next palette entries by the order of their id.
 */
public final class AirlineColors {

    private static final List<Color> PALETTE = List.of(
            new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728),
            new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x17BECF));

    private AirlineColors() {
    }

    public static Color of(String airline) {
        if (airline.length() == 1 && Character.isLetter(airline.charAt(0))) {
            return PALETTE.get((Character.toUpperCase(airline.charAt(0)) - 'A') % PALETTE.size());
        }
        return PALETTE.get(Math.floorMod(airline.hashCode(), PALETTE.size()));
    }
}
