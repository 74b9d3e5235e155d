package dev.skillgraph.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * A token bucket per client address ({@link ClientAddress}): {@code perSecond} requests a second, bursts up to the
 * same number. The buckets are Bucket4j's; a client idle for a minute is forgotten (a Caffeine cache), so the map
 * cannot grow without bound.
 */
final class RateLimiter {

    private static final int MAX_CLIENTS = 100_000;

    private final int perSecond;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(1))
            .maximumSize(MAX_CLIENTS)
            .build();

    RateLimiter(int perSecond) {
        this.perSecond = perSecond;
    }

    /** True if {@code client} may make a request now. */
    boolean tryAcquire(String client) {
        return buckets.get(client, c -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)))
                        .build())
                .tryConsume(1);
    }
}
