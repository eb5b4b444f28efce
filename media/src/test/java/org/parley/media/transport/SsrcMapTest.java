package org.parley.media.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SsrcMapTest {

    @Test
    void findsWhatWasPutIncludingNegativeAndZeroSsrcs() {
        SsrcMap<String> map = new SsrcMap<>(1000);
        for (int i = -500; i < 500; i++) {
            map.putIfAbsent(i * 7919, "v" + i);
        }
        for (int i = -500; i < 500; i++) {
            assertEquals("v" + i, map.get(i * 7919));
        }
        assertNull(map.get(1));
        assertEquals(1000, map.size());
    }

    @Test
    void refusesNewStreamsWhenFull() {
        SsrcMap<String> map = new SsrcMap<>(2);
        map.putIfAbsent(1, "a");
        map.putIfAbsent(2, "b");

        assertNull(map.putIfAbsent(3, "c"));
        assertEquals("a", map.putIfAbsent(1, "z"), "existing value wins");
    }

    @Test
    void concurrentCreatorsOfOneSsrcGetOneValue() throws Exception {
        SsrcMap<Object> map = new SsrcMap<>(100);
        AtomicInteger created = new AtomicInteger();
        ConcurrentHashMap<Object, Boolean> seen = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                for (int ssrc = 0; ssrc < 50; ssrc++) {
                    seen.put(map.getOrCreate(ssrc, s -> {
                        created.incrementAndGet();
                        return new Object();
                    }), true);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);

        assertEquals(50, created.get());
        assertEquals(50, seen.size());
        assertSame(map.get(7), map.getOrCreate(7, s -> new Object()));
    }
}
