package dev.skillgraph.api;

import dev.skillgraph.projection.Projection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** Prometheus metrics: requests by route and status, the served projection, the answer cache, and the JVM. */
final class HttpMetrics {

    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5)
    };

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MultiGauge graphVersion;
    private final ProjectionReads reads;

    @SuppressWarnings("resource") // the binders live as long as the registry
    HttpMetrics(ProjectionReads reads, AnswerCache answers) {
        this.reads = reads;
        answers.monitor(registry, "answers");
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        projectionGauge("skillgraph.projection.nodes", "nodes in the served projection", p -> p.graph()
                .size());
        projectionGauge(
                "skillgraph.projection.vectors",
                "nodes of the served projection with a sentence embedding (semantic retrieval)",
                p -> p.index().vectors());
        projectionGauge(
                "skillgraph.projection.build.seconds",
                "time it took to build the served projection",
                p -> p.buildMillis() / 1000.0);
        graphVersion = MultiGauge.builder("skillgraph.graph")
                .description("the served graph version, as a label")
                .register(registry);
    }

    /** Records one finished request under its route template, so ids do not explode the label values. */
    void record(String method, String route, int status, float millis) {
        Timer.builder("http.server.requests")
                .description("HTTP requests by route and status")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry)
                .record(Duration.ofNanos((long) (millis * 1_000_000)));
    }

    /** The Prometheus text exposition. */
    String scrape() {
        String version = reads.apply(Projection::version);
        graphVersion.register(List.of(MultiGauge.Row.of(Tags.of("version", version), 1)), true);
        return registry.scrape();
    }

    private void projectionGauge(String name, String description, Function<Projection, Number> value) {
        Gauge.builder(name, () -> reads.apply(value)).description(description).register(registry);
    }
}
