package org.parley.media.transport;

import java.util.function.IntFunction;

/**
 * An SSRC-keyed map for the packet path: lookups take no lock and allocate nothing (no boxing);
 * insertion, once per new stream, copies the table under a lock. Open addressing with linear
 * probing over a power-of-two table kept at most half full.
 */
final class SsrcMap<V> {

    private static final class Table {
        final int[] keys;
        final Object[] values;
        final int size;

        Table(int capacity, int size) {
            this.keys = new int[capacity];
            this.values = new Object[capacity];
            this.size = size;
        }
    }

    private final int maxEntries;
    private volatile Table table = new Table(16, 0);

    /** @param maxEntries a bound against a peer inventing SSRCs to grow the map without end */
    SsrcMap(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    @SuppressWarnings("unchecked")
    V get(int ssrc) {
        Table t = table;
        int mask = t.keys.length - 1;
        for (int i = mix(ssrc) & mask; ; i = (i + 1) & mask) {
            Object v = t.values[i];
            if (v == null) {
                return null;
            }
            if (t.keys[i] == ssrc) {
                return (V) v;
            }
        }
    }

    /**
     * The value for {@code ssrc}, created by {@code factory} if absent. Returns null if the map is
     * full or the factory returned null.
     */
    V getOrCreate(int ssrc, IntFunction<V> factory) {
        V existing = get(ssrc);
        if (existing != null) {
            return existing;
        }
        synchronized (this) {
            existing = get(ssrc);
            if (existing != null) {
                return existing;
            }
            Table t = table;
            if (t.size >= maxEntries) {
                return null;
            }
            V created = factory.apply(ssrc);
            if (created == null) {
                return null;
            }
            int capacity = t.keys.length;
            while ((t.size + 1) * 2 > capacity) {
                capacity *= 2;
            }
            Table copy = new Table(capacity, t.size + 1);
            for (int i = 0; i < t.keys.length; i++) {
                if (t.values[i] != null) {
                    insert(copy, t.keys[i], t.values[i]);
                }
            }
            insert(copy, ssrc, created);
            table = copy;
            return created;
        }
    }

    /**
     * Adds {@code value} unless {@code ssrc} is present or the map is full.
     *
     * @return the value now mapped (the existing one if there was one), or null if full
     */
    V putIfAbsent(int ssrc, V value) {
        return getOrCreate(ssrc, s -> value);
    }

    int size() {
        return table.size;
    }

    private static void insert(Table t, int key, Object value) {
        int mask = t.keys.length - 1;
        int i = mix(key) & mask;
        while (t.values[i] != null) {
            i = (i + 1) & mask;
        }
        t.keys[i] = key;
        t.values[i] = value;
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
