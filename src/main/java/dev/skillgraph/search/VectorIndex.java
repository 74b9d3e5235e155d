package dev.skillgraph.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sentence embeddings of the graph's nodes in a Lucene HNSW index of their own, kept across graph versions and, with
 * a directory, across restarts: one document per node (its id, the key of the text it embeds, the vector).
 *
 * <p>Why not inside each graph version's search index: building an HNSW graph costs far more than indexing the words
 * (at 100,000 topics 119 s of a 137 s build, BENCHMARKS.md set S), and a new graph version changes few node texts. Kept
 * here, a version only deletes the vectors of nodes gone or changed and adds the new ones, as Lucene's segments allow;
 * an unchanged graph adds nothing, and a restart reads the index back instead of building it again. Searches see
 * additions as they are committed ({@link SearcherManager}), so vectors encoded in the background become searchable
 * chunk by chunk.
 *
 * <p>Thread-safe: writes are serialised; searches run concurrently with them.
 */
public final class VectorIndex implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(VectorIndex.class);

    private static final String ID = "id";
    private static final String KEY = "key";
    private static final String VECTOR = "vector";

    /**
     * Enough for a few thousand vectors per segment: additions come in chunks ({@code add}), each committed and so
     * flushed as a segment, which Lucene's merge policy then merges.
     */
    private static final double RAM_BUFFER_MB = 64;

    /** A node's vector to add, keyed by the text it embeds. */
    public record Entry(String id, String key, float[] vector) {}

    /** A node near a query vector, with the cosine similarity of the two. */
    public record Neighbour(String id, float cosine) {}

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, String> keys = new ConcurrentHashMap<>();

    private VectorIndex(Directory directory) throws IOException {
        this.directory = directory;
        this.writer = new IndexWriter(
                directory,
                new IndexWriterConfig()
                        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                        .setRAMBufferSizeMB(RAM_BUFFER_MB));
        try {
            this.searchers = new SearcherManager(writer, null);
            readKeys();
        } catch (IOException | RuntimeException e) {
            writer.rollback(); // releases the lock: the caller may start the index again in the same directory
            throw e;
        }
    }

    /**
     * Reads every live document's id and key, after checking every file's checksum: a damaged file would otherwise
     * be read as vectors (cosines of 1e36 were served from a file with flipped bits).
     *
     * @throws org.apache.lucene.index.CorruptIndexException when a checksum does not match
     */
    private void readKeys() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                LeafReader reader = leaf.reader();
                reader.checkIntegrity();
                Bits live = reader.getLiveDocs();
                StoredFields stored = reader.storedFields();
                for (int doc = 0; doc < reader.maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        Document fields = stored.document(doc, Set.of(ID, KEY));
                        keys.put(fields.get(ID), fields.get(KEY));
                    }
                }
            }
        } finally {
            searchers.release(searcher);
        }
    }

    /** An index held in memory, gone with the process. */
    public static VectorIndex inMemory() {
        try {
            return new VectorIndex(new ByteBuffersDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create an index in memory", e);
        }
    }

    /**
     * The index in {@code dir}, created when absent. An index that cannot be read (damaged, or written by an
     * incompatible Lucene) is deleted and started again: it holds nothing that cannot be computed again. When the
     * directory cannot be used at all (no permission, locked by another process), the index is held in memory.
     */
    public static VectorIndex open(Path dir) {
        try {
            return new VectorIndex(FSDirectory.open(Files.createDirectories(dir)));
        } catch (LockObtainFailedException e) {
            // Another process keeps its vectors there: never touch its files.
            LOG.warn("The vector index in {} is in use by another process; holding this one's in memory", dir);
            return inMemory();
        } catch (IOException | RuntimeException first) {
            LOG.warn("The vector index in {} cannot be opened ({}); starting it again", dir, first.toString());
            try {
                deleteContents(dir);
                return new VectorIndex(FSDirectory.open(Files.createDirectories(dir)));
            } catch (IOException | RuntimeException second) {
                LOG.warn("The vector index cannot be kept in {} ({}); holding it in memory", dir, second.toString());
                return inMemory();
            }
        }
    }

    /** Node id to the key of the text its vector embeds, for every node with a vector. A live, unmodifiable view. */
    public Map<String, String> keys() {
        return Collections.unmodifiableMap(keys);
    }

    /** How many nodes have a vector. */
    public int size() {
        return keys.size();
    }

    /**
     * Keeps only the vectors of nodes whose text is still the one embedded: the others are deleted.
     *
     * @param currentKey the key of a node's current text by its id; null for a node no longer in the graph
     * @return how many vectors were deleted
     */
    public synchronized int retain(Function<String, @Nullable String> currentKey) {
        List<Term> stale = new ArrayList<>();
        keys.forEach((id, key) -> {
            if (!key.equals(currentKey.apply(id))) {
                stale.add(new Term(ID, id));
            }
        });
        if (stale.isEmpty()) {
            return 0;
        }
        try {
            writer.deleteDocuments(stale.toArray(Term[]::new));
            stale.forEach(term -> keys.remove(term.text()));
            commit();
            return stale.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete from the vector index", e);
        }
    }

    /** Adds (or replaces) the vectors of {@code entries} and makes them searchable. */
    public synchronized void add(Collection<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try {
            for (Entry entry : entries) {
                Document doc = new Document();
                doc.add(new StringField(ID, entry.id(), Field.Store.YES));
                doc.add(new StoredField(KEY, entry.key()));
                doc.add(new KnnFloatVectorField(VECTOR, entry.vector(), VectorSimilarityFunction.DOT_PRODUCT));
                writer.updateDocument(new Term(ID, entry.id()), doc);
            }
            commit();
            entries.forEach(entry -> keys.put(entry.id(), entry.key()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add to the vector index", e);
        }
    }

    /**
     * The {@code k} nodes nearest {@code vector} (a unit vector), most similar first; empty once closed.
     *
     * @throws UncheckedIOException when the index cannot be read
     */
    public List<Neighbour> nearest(float[] vector, int k) {
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (AlreadyClosedException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            ScoreDoc[] top = searcher.search(new KnnFloatVectorQuery(VECTOR, vector, k), k).scoreDocs;
            StoredFields stored = searcher.getIndexReader().storedFields();
            List<Neighbour> near = new ArrayList<>(top.length);
            for (ScoreDoc doc : top) {
                // Lucene scores a dot product of unit vectors as (1 + cosine) / 2.
                near.add(new Neighbour(stored.document(doc.doc, Set.of(ID)).get(ID), 2 * doc.score - 1));
            }
            return near;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                LOG.debug("Releasing a vector searcher failed", e);
            }
        }
    }

    @Override
    public synchronized void close() {
        try (directory;
                writer;
                searchers) {
            // closed in reverse order: searchers, writer (which commits nothing new), directory
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the vector index", e);
        }
    }

    private void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private static void deleteContents(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder())
                    .filter(f -> !f.equals(dir))
                    .toList()) {
                Files.delete(file);
            }
        }
    }
}
