package passcom.core.route.plan;

import java.util.Arrays;

/**
 * Shortest paths to one destination that avoid a set of blocked cities: the spur paths of Yen's algorithm.
 *
 * <p>A reverse Dijkstra from the destination over the whole graph gives every city's distance to it and
 * its next hop on a shortest path (the reverse shortest-path tree). Removing cities and edges only makes
 * distances longer, so that distance is an exact lower bound and a consistent A* heuristic. A spur search
 * runs A* from the spur city and stops at the first city it settles whose tree path to the destination
 * avoids every blocked city: that tree path is then a shortest completion (the node classification of
 * G. Feng, "Finding k shortest simple paths in directed graphs: A node classification algorithm",
 * Networks 64(1), 2014). Usually that happens within a few hops of the spur.
 *
 * <p>Distances are exact longs. Not thread-safe: one per query.
 */
final class SpurSearch {

    static final long UNREACHABLE = Long.MAX_VALUE;

    private final Adjacency out;
    private final int destination;
    private final long[] toDestination;
    private final int[] treeNext;
    private final boolean[] blocked;
    private final long[] reached;
    private final int[] parent;
    private final int[] stamp;
    private final int[] settled;
    private final int[] freeStamp;
    private final boolean[] free;
    private final int[] walk;
    private final MinHeap heap = new MinHeap();
    private int search;
    private long lastWeight;

    SpurSearch(Adjacency out, Adjacency in, int destination) {
        int n = out.cities();
        this.out = out;
        this.destination = destination;
        this.toDestination = new long[n];
        this.treeNext = new int[n];
        this.blocked = new boolean[n];
        this.reached = new long[n];
        this.parent = new int[n];
        this.stamp = new int[n];
        this.settled = new int[n];
        this.freeStamp = new int[n];
        this.free = new boolean[n];
        this.walk = new int[n];
        growTree(in);
    }

    private void growTree(Adjacency in) {
        Arrays.fill(toDestination, UNREACHABLE);
        toDestination[destination] = 0;
        treeNext[destination] = -1;
        heap.push(0, destination);
        while (!heap.isEmpty()) {
            int city = heap.pop();
            if (heap.poppedKey() > toDestination[city]) {
                continue;
            }
            for (int e = in.start()[city]; e < in.start()[city + 1]; e++) {
                int before = in.neighbour()[e];
                long via = toDestination[city] + in.weight()[e];
                if (via < toDestination[before]) {
                    toDestination[before] = via;
                    treeNext[before] = city;
                    heap.push(via, before);
                }
            }
        }
    }

    long toDestination(int city) {
        return toDestination[city];
    }

    /** The tree path from {@code city} to the destination, both included. */
    int[] treePath(int city) {
        int hops = 0;
        for (int c = city; c != destination; c = treeNext[c]) {
            hops++;
        }
        int[] path = new int[hops + 1];
        for (int i = 0, c = city; i <= hops; i++, c = treeNext[c]) {
            path[i] = c;
        }
        return path;
    }

    void block(int city) {
        blocked[city] = true;
    }

    void unblock(int city) {
        blocked[city] = false;
    }

    /**
     * A lightest path from {@code spur} to the destination through no blocked city (the spur itself should
     * be blocked, so the path does not come back to it) whose first hop is none of {@code excludedFirstHops};
     * null when none weighs at most {@code budget}.
     */
    int[] shortest(int spur, int[] excludedFirstHops, int excludedCount, long budget) {
        search++;
        heap.clear();
        reached[spur] = 0;
        parent[spur] = -1;
        stamp[spur] = search;
        heap.push(toDestination[spur], spur);
        while (!heap.isEmpty()) {
            int city = heap.pop();
            long bound = heap.poppedKey();
            if (settled[city] == search) {
                continue;
            }
            if (bound > budget) {
                return null;
            }
            settled[city] = search;
            if (city != spur && treeAvoidsBlocked(city)) {
                lastWeight = bound;
                return joined(city);
            }
            for (int e = out.start()[city]; e < out.start()[city + 1]; e++) {
                int next = out.neighbour()[e];
                if (blocked[next] || settled[next] == search || toDestination[next] == UNREACHABLE
                        || (city == spur && contains(excludedFirstHops, excludedCount, next))) {
                    continue;
                }
                long via = reached[city] + out.weight()[e];
                if (stamp[next] != search || via < reached[next]) {
                    stamp[next] = search;
                    reached[next] = via;
                    parent[next] = city;
                    heap.push(via + toDestination[next], next);
                }
            }
        }
        return null;
    }

    /** The weight of the path the last successful {@link #shortest} returned. */
    long lastWeight() {
        return lastWeight;
    }

    /** Whether the tree path from {@code city} avoids the blocked cities, remembered for this search. */
    private boolean treeAvoidsBlocked(int city) {
        int walked = 0;
        int c = city;
        while (c != destination && !blocked[c] && freeStamp[c] != search) {
            walk[walked++] = c;
            c = treeNext[c];
        }
        boolean answer = c == destination || (!blocked[c] && free[c]);
        for (int i = 0; i < walked; i++) {
            freeStamp[walk[i]] = search;
            free[walk[i]] = answer;
        }
        return answer;
    }

    /**
     * The searched path from the spur to {@code city}, then the tree path on. Loopless: a city on both would
     * have been settled earlier with a blocked-free tree path, and the search would have stopped there.
     */
    private int[] joined(int city) {
        int searched = 0;
        for (int c = city; c != -1; c = parent[c]) {
            searched++;
        }
        int[] tail = treePath(city);
        int[] path = new int[searched - 1 + tail.length];
        int i = searched - 1;
        for (int c = city; c != -1; c = parent[c]) {
            path[i--] = c;
        }
        System.arraycopy(tail, 0, path, searched - 1, tail.length);
        return path;
    }

    private static boolean contains(int[] cities, int count, int city) {
        for (int i = 0; i < count; i++) {
            if (cities[i] == city) {
                return true;
            }
        }
        return false;
    }
}
