package passcom.core.route.plan;

import java.util.Arrays;

/**
 * One direction of a weighted directed graph over cities numbered 0..n-1, in compressed sparse rows: the
 * edges leaving city {@code c} are {@code neighbour[i]}, {@code weight[i]} for {@code start[c] <= i < start[c + 1]}.
 */
record Adjacency(int[] start, int[] neighbour, long[] weight) {

    /**
     * Edge {@code e} runs from {@code from[e]} to {@code to[e]}. An edge repeating an earlier one's ends is
     * dropped: the first weight given for a pair counts.
     */
    static Adjacency of(int cities, int[] from, int[] to, long[] weights) {
        int[] start = new int[cities + 1];
        int[] neighbour = new int[from.length];
        long[] weight = new long[from.length];
        int[] degree = new int[cities];
        for (int f : from) {
            degree[f]++;
        }
        int[] next = new int[cities];
        for (int c = 0, at = 0; c < cities; c++) {
            next[c] = at;
            at += degree[c];
        }
        int[] rowStart = next.clone();
        for (int e = 0; e < from.length; e++) {
            if (!contains(neighbour, rowStart[from[e]], next[from[e]], to[e])) {
                int at = next[from[e]]++;
                neighbour[at] = to[e];
                weight[at] = weights[e];
            }
        }
        int kept = 0;
        for (int c = 0; c < cities; c++) {
            int count = next[c] - rowStart[c];
            System.arraycopy(neighbour, rowStart[c], neighbour, kept, count);
            System.arraycopy(weight, rowStart[c], weight, kept, count);
            start[c] = kept;
            kept += count;
        }
        start[cities] = kept;
        return new Adjacency(start, Arrays.copyOf(neighbour, kept), Arrays.copyOf(weight, kept));
    }

    private static boolean contains(int[] cities, int from, int to, int city) {
        for (int i = from; i < to; i++) {
            if (cities[i] == city) {
                return true;
            }
        }
        return false;
    }

    int cities() {
        return start.length - 1;
    }
}
