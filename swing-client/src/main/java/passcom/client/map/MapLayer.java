package passcom.client.map;

import java.awt.Graphics2D;

/** One layer of the map. Layers are painted in a fixed order, each on top of the previous one. */
interface MapLayer {

    /** Paints on {@code g}, which the caller has set up (antialiasing) and disposes; a layer may change its state. */
    void paint(Graphics2D g, MapScene scene);
}
