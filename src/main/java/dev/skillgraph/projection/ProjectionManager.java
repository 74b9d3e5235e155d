package dev.skillgraph.projection;

import dev.skillgraph.graph.GraphData;
import dev.skillgraph.graph.GraphRepository;
import dev.skillgraph.graph.GraphState;
import dev.skillgraph.search.SearchParts;
import dev.skillgraph.search.SentenceEncoder;
import dev.skillgraph.search.VectorIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.search.ReferenceManager;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the current {@link Projection} the way Lucene's SearcherManager holds a searcher: requests
 * {@link #acquire()} and {@link #release} it in try/finally, and a refresh off the request path builds the next
 * version and swaps it in atomically. A refresh rebuilds only when Neo4j's state changed, unless forced.
 */
public final class ProjectionManager extends ReferenceManager<Projection> {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionManager.class);

    private final GraphRepository repository;
    private final Supplier<SynonymMap> synonyms;
    private final @Nullable NodeVectors vectors;
    private final AtomicBoolean forced = new AtomicBoolean();

    /**
     * One daemon thread for the background encoding of this manager's node texts, stopped when it closes (a job of a
     * closed manager must not hold up another's).
     */
    private final ExecutorService encoding = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "node-text-encoding");
        thread.setDaemon(true);
        return thread;
    });

    private volatile boolean stale;
    private volatile @Nullable GraphState unchangedAt;

    /** Builds the first projection from Neo4j now, searched by words only. */
    public ProjectionManager(GraphRepository repository, Supplier<SynonymMap> synonyms) {
        this(repository, synonyms, null, null, true);
    }

    /**
     * Builds the first projection from Neo4j now.
     *
     * @param encoder the sentence-embedding model for semantic retrieval; null: search by words only
     * @param vectorDir where the nodes' vectors are kept across restarts ({@link VectorIndex}); null: in memory
     * @param encodeInBackground node texts without a vector are encoded after a build and found by meaning as they
     *     are added ({@link NodeVectors}); false: during every build, before it is served
     */
    public ProjectionManager(
            GraphRepository repository,
            Supplier<SynonymMap> synonyms,
            @Nullable SentenceEncoder encoder,
            @Nullable Path vectorDir,
            boolean encodeInBackground) {
        this.repository = repository;
        this.synonyms = synonyms;
        this.vectors = encoder == null
                ? null
                : new NodeVectors(
                        encoder,
                        repository,
                        encodeInBackground ? encoding : null,
                        vectorDir == null ? VectorIndex.inMemory() : VectorIndex.open(vectorDir));
        this.current = build();
        fillVectors();
    }

    /** Adds the vectors node texts lack off the request path. */
    private void fillVectors() {
        if (vectors != null) {
            vectors.fillInBackground();
        }
    }

    /**
     * Checks Neo4j for changes and swaps in a new projection if the graph changed. When Neo4j cannot be reached the
     * current projection keeps serving and {@link #stale()} says it may be out of date, until a check succeeds.
     */
    public void refresh() {
        try {
            maybeRefreshBlocking();
            stale = false;
        } catch (IOException | RuntimeException e) {
            stale = true;
            throw e instanceof RuntimeException runtime ? runtime : new UncheckedIOException((IOException) e);
        }
    }

    /** True while the last check of Neo4j failed: answers come from a projection that may be out of date. */
    public boolean stale() {
        return stale;
    }

    /** Runs {@code work} on the current projection, held (acquired and released) for exactly that long. */
    public <T> T apply(Function<Projection, T> work) {
        Projection projection;
        try {
            projection = acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return work.apply(projection);
        } finally {
            try {
                release(projection);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // never thrown by our decRef; Lucene's signature declares it
            }
        }
    }

    /** Rebuilds now even if Neo4j looks unchanged (after an import, or on an admin's request). */
    public void rebuild() {
        forced.set(true);
        try {
            maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected @Nullable Projection refreshIfNeeded(Projection current) {
        boolean force = forced.getAndSet(false);
        GraphData data;
        if (force) {
            data = repository.readGraph();
        } else {
            GraphState state = repository.state();
            if (state.equals(current.source()) || state.equals(unchangedAt)) {
                return null;
            }
            data = repository.readGraph();
            if (Projection.versionOf(data).equals(current.version())) {
                // Same content (a no-op write, or sentence embeddings stored on the nodes): keep serving the current
                // one, and do not read the graph again until Neo4j moves on.
                unchangedAt = state;
                return null;
            }
        }
        Projection next = build(data);
        LOG.info("Projection {} replaces {}", next.version(), current.version());
        fillVectors();
        return next;
    }

    @Override
    protected boolean tryIncRef(Projection projection) {
        return projection.tryIncRef();
    }

    @Override
    protected void afterClose() throws IOException {
        encoding.shutdownNow();
        if (vectors != null) {
            try {
                // A fill under way stops at its next chunk; wait for it, or the index closes under it.
                encoding.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            vectors.close();
        }
        super.afterClose();
    }

    @Override
    protected void decRef(Projection projection) {
        projection.decRef();
    }

    @Override
    protected int getRefCount(Projection projection) {
        return projection.refCount();
    }

    private Projection build() {
        return build(repository.readGraph());
    }

    private Projection build(GraphData data) {
        Projection projection = Projection.build(data, synonyms.get(), SearchParts.OWN, vectors);
        LOG.info(
                "Built projection {}: {} nodes indexed in {} ms",
                projection.version(),
                projection.index().size(),
                projection.buildMillis());
        return projection;
    }
}
