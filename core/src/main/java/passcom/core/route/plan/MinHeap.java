package passcom.core.route.plan;

import java.util.Arrays;

/**
 * A binary min-heap of (long key, int item) pairs in primitive arrays, for Dijkstra and A* without boxing.
 * An item may be pushed again with a smaller key; the caller skips the stale copy when it pops it.
 * Not thread-safe: one per search.
 */
final class MinHeap {

    private long[] keys = new long[64];
    private int[] items = new int[64];
    private int size;
    private long poppedKey;

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        size = 0;
    }

    void push(long key, int item) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            items = Arrays.copyOf(items, size * 2);
        }
        int at = size++;
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (keys[parent] <= key) {
                break;
            }
            keys[at] = keys[parent];
            items[at] = items[parent];
            at = parent;
        }
        keys[at] = key;
        items[at] = item;
    }

    /** Removes the item with the smallest key; {@link #poppedKey()} then tells that key. */
    int pop() {
        int top = items[0];
        poppedKey = keys[0];
        size--;
        long key = keys[size];
        int item = items[size];
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && keys[child + 1] < keys[child]) {
                child++;
            }
            if (key <= keys[child]) {
                break;
            }
            keys[at] = keys[child];
            items[at] = items[child];
            at = child;
        }
        keys[at] = key;
        items[at] = item;
        return top;
    }

    long poppedKey() {
        return poppedKey;
    }
}
