package passcom.core.route.plan;

/**
 * One direction of a weighted directed graph over cities numbered 0..n-1, in compressed sparse rows: the
 * edges leaving city {@code c} are {@code neighbour[i]}, {@code weight[i]} for {@code start[c] <= i < start[c + 1]}.
 */
record Adjacency(int[] start, int[] neighbour, long[] weight) {

    /** Edge {@code e} runs from {@code from[e]} to {@code to[e]}. */
    static Adjacency of(int cities, int[] from, int[] to, long[] weights) {
        int[] start = new int[cities + 1];
        for (int f : from) {
            start[f + 1]++;
        }
        for (int c = 0; c < cities; c++) {
            start[c + 1] += start[c];
        }
        int[] next = start.clone();
        int[] neighbour = new int[from.length];
        long[] weight = new long[from.length];
        for (int e = 0; e < from.length; e++) {
            int at = next[from[e]]++;
            neighbour[at] = to[e];
            weight[at] = weights[e];
        }
        return new Adjacency(start, neighbour, weight);
    }

    int cities() {
        return start.length - 1;
    }
}
