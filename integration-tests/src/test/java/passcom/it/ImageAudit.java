package passcom.it;

import java.util.Map;
import java.util.TreeMap;
import passcom.core.availability.AvailabilityImage;
import passcom.core.route.Segment;
import passcom.core.txn.AirlineNode;
import passcom.core.txn.NodeInspection;

/**
 * The image audit (docs/availability.md, "Guarantees"), beside the seat audits: once the feeds settle, every server's
 * image of every running airline equals that airline's own counters, segment for segment.
 */
public final class ImageAudit {

    private ImageAudit() {
    }

    /** Waits until every node's image of every other running node (and of itself) equals that node's free seats. */
    public static void awaitImagesExact(Map<String, AirlineNode> running) {
        Cluster.await("every server's image of every airline equals that airline's counters", () -> differences(running).isEmpty());
    }

    /** "X's image of Y: segment → image vs counters" for every disagreement; empty when all agree. */
    public static Map<String, String> differences(Map<String, AirlineNode> running) {
        Map<String, String> differences = new TreeMap<>();
        Map<String, Map<Segment.Key, Integer>> own = new TreeMap<>();
        running.forEach((id, node) -> {
            Map<Segment.Key, Integer> free = new TreeMap<>();
            NodeInspection.of(node).seatCounts().forEach((segment, count) -> free.put(segment, count.free()));
            own.put(id, free);
        });
        running.forEach((viewer, node) -> own.forEach((airline, counters) -> {
            AvailabilityImage image = node.availabilityImages().get(airline);
            AvailabilityImage.State state = image == null ? null : image.state();
            Map<Segment.Key, Integer> seen = state == null ? Map.of() : new TreeMap<>(state.free());
            if (!seen.equals(counters)) {
                differences.put(viewer + "'s image of " + airline, "image " + seen + " vs counters " + counters);
            }
        }));
        return differences;
    }
}
