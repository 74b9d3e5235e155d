package dev.skillgraph.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A token bucket per client address: {@code perSecond} requests a second, bursts up to the same number. */
final class RateLimiter {

    private static final int MAX_CLIENTS = 10_000;

    private final double perSecond;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    RateLimiter(int perSecond) {
        this.perSecond = perSecond;
    }

    /** True if {@code client} may make a request now. */
    boolean tryAcquire(String client) {
        long now = System.nanoTime();
        if (buckets.size() > MAX_CLIENTS) {
            // Forget clients idle for a minute so that the map cannot grow without bound.
            buckets.entrySet().removeIf(e -> now - e.getValue().refilledAt > 60_000_000_000L);
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(perSecond, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(perSecond, bucket.tokens + (now - bucket.refilledAt) / 1e9 * perSecond);
            bucket.refilledAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
