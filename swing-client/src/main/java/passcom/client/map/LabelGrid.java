package passcom.client.map;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The screen boxes already taken by dots and labels in one paint, bucketed in square cells so that asking
 * "is this box free?" looks only at its neighbourhood: with a thousand cities a linear scan per candidate
 * label would cost more than the whole frame. One paint, one thread.
 */
final class LabelGrid {

    private static final double CELL = 64;

    private final Map<Long, List<Rectangle2D>> cells = new HashMap<>();

    void add(Rectangle2D box) {
        forEachCell(box, key -> cells.computeIfAbsent(key, k -> new ArrayList<>(4)).add(box));
    }

    boolean isFree(Rectangle2D box) {
        boolean[] free = {true};
        forEachCell(box, key -> {
            if (free[0]) {
                List<Rectangle2D> taken = cells.get(key);
                if (taken != null) {
                    for (Rectangle2D other : taken) {
                        if (other.intersects(box)) {
                            free[0] = false;
                            return;
                        }
                    }
                }
            }
        });
        return free[0];
    }

    private static void forEachCell(Rectangle2D box, java.util.function.LongConsumer action) {
        int x0 = (int) Math.floor(box.getMinX() / CELL);
        int x1 = (int) Math.floor(box.getMaxX() / CELL);
        int y0 = (int) Math.floor(box.getMinY() / CELL);
        int y1 = (int) Math.floor(box.getMaxY() / CELL);
        for (int x = x0; x <= x1; x++) {
            for (int y = y0; y <= y1; y++) {
                action.accept(((long) x << 32) ^ (y & 0xFFFFFFFFL));
            }
        }
    }
}
