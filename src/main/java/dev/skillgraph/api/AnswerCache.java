package dev.skillgraph.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The encoded answers of recent searches and completions, by graph version and request, so that a text asked again
 * costs a lookup instead of analysis, ranking, highlighting and JSON. Learners repeat searches and the web page's
 * as-you-type completion repeats prefixes; at the seed graph a search costs some 0.5 ms of CPU (BENCHMARKS.md set S).
 *
 * <p>The idea is Solr's {@code queryResultCache}, which lives and dies with its searcher: here an answer is keyed by
 * the projection's version and how many nodes semantic retrieval can find (vectors are added in the background while a
 * version serves), so a new graph version or new vectors are new keys and nothing is ever invalidated by hand; old
 * entries age out. Bounded by the bytes of the answers it holds (Caffeine's weigher), not their count. A request that
 * fails (a 400) is not cached. Thread-safe.
 */
final class AnswerCache {

    /** A request on one state of the graph: its path and its parameters, in name order. */
    private record Asked(String version, int vectors, String path, Map<String, List<String>> parameters) {}

    private final Cache<Asked, byte[]> answers;
    private final boolean enabled;

    /** @param maxBytes the most bytes of encoded answers held; 0 caches nothing */
    AnswerCache(long maxBytes) {
        this.enabled = maxBytes > 0;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Asked asked, byte[] body) -> body.length + 200)
                .recordStats()
                .build();
    }

    /** Reports hits, misses, evictions and size as {@code cache_*} metrics tagged {@code cache=name}. */
    void monitor(MeterRegistry registry, String name) {
        CaffeineCacheMetrics.monitor(registry, answers, name);
    }

    /**
     * The encoded answer to {@code path} with {@code parameters} on graph {@code version} with {@code vectors}
     * vectors: the one computed before, or {@code compute}'s, kept for next time.
     */
    byte[] get(
            String version, int vectors, String path, Map<String, List<String>> parameters, Supplier<byte[]> compute) {
        if (!enabled) {
            return compute.get();
        }
        return answers.get(new Asked(version, vectors, path, new TreeMap<>(parameters)), asked -> compute.get());
    }
}
