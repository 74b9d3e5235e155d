package dev.skillgraph.search;

import dev.skillgraph.error.SkillGraphException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99Codec;
import org.apache.lucene.codecs.memory.DirectPostingsFormat;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.jspecify.annotations.Nullable;

/**
 * An immutable Lucene index of one graph version, held in memory, and the one door to search it: full-text search with
 * facets and highlights, and as-you-type completions. A new one is built for every graph version and swapped in
 * together with the path view, which is what makes the swap atomic; readers are reference-counted so a request that
 * still holds the old index finishes on it. The searching itself is {@link NodeSearcher}'s.
 */
public final class SearchIndex implements Closeable {

    /** Longest query text searched; longer input is refused rather than truncated behind the user's back. */
    public static final int MAX_QUERY_LENGTH = 500;

    private static final int MAX_NODES_IN_ARRAYS = 20_000;

    /**
     * Terms and postings held as plain arrays once the index is open: a search opens some thirty terms and postings
     * enums, and over Lucene's compressed block format opening them cost more than scoring the documents. Arrays take
     * about 6 KB of heap per node (measured: +63 MB at 10,000 nodes, +500 MB at 100,000), so graphs larger than
     * {@link #MAX_NODES_IN_ARRAYS} keep Lucene's compressed format. What it buys (SearchPartsBenchmarks): p99 145 us
     * instead of 189 us on the seed graph, 835 us instead of 912 us at 10,000 topics.
     */
    private static final Codec IN_MEMORY_POSTINGS = new Lucene99Codec() {
        private final PostingsFormat direct = new DirectPostingsFormat();

        @Override
        public PostingsFormat getPostingsFormatForField(String field) {
            return direct;
        }
    };

    private final DirectoryReader reader;
    private final NodeSearcher searcher;

    private SearchIndex(
            Directory directory,
            Collection<IndexedNode> indexed,
            SynonymMap synonyms,
            SearchParts parts,
            @Nullable SentenceEncoder encoder,
            @Nullable VectorIndex vectors)
            throws IOException {
        ProtectedWords symbols =
                ProtectedWords.of(indexed.stream().map(IndexedNode::node).toList());
        Analyzer exact = symbols.protect(Analyzers.exact());
        NodeDocuments documents = new NodeDocuments(parts, symbols.protect(Analyzers.folded()), indexed);
        Map<String, IndexedNode> byId = new HashMap<>();
        boolean arrays = parts.directPostings() && indexed.size() <= MAX_NODES_IN_ARRAYS;
        try (IndexWriter writer = new IndexWriter(
                directory,
                new IndexWriterConfig(symbols.protect(Analyzers.forIndexing()))
                        .setMergePolicy(new LogByteSizeMergePolicy())
                        .setCodec(arrays ? IN_MEMORY_POSTINGS : Codec.getDefault()))) {
            for (IndexedNode node : indexed) {
                // updateDocument keyed by id: a duplicate id (possible through hand edits) replaces, never doubles.
                writer.updateDocument(new Term(Fields.ID, node.node().id()), documents.document(node));
                byId.put(node.node().id(), node);
            }
            // One segment: the index never changes after this, and a search opens each term, phrase and scorer once
            // per segment. At 100,000 topics the writer had left twelve; merged, `wrk` at concurrency 4 got
            // 1,404-1,498 plain searches/s instead of 853-922, for a projection build of 24.8 s instead of 19.0 s
            // (BENCHMARKS.md, twenty-first session). Merging only neighbouring segments keeps the documents in the
            // order they were added, so ties and the facets' sample, and with them every answer, stay the same.
            writer.forceMerge(1);
            writer.commit();
        }
        this.reader = DirectoryReader.open(directory);
        IndexSearcher searcher = new IndexSearcher(reader);
        // Every query here is scored and the index is tiny and immutable: the usage tracking of Lucene's filter
        // cache costs more per search than it could save.
        searcher.setQueryCache(null);
        // The index never changes, so doc ids are stable: map them to nodes once instead of reading stored fields
        // for every hit.
        IndexedNode[] byDoc = new IndexedNode[reader.maxDoc()];
        double[] priors = new double[reader.maxDoc()];
        Map<String, Integer> docs = new HashMap<>();
        StoredFields stored = reader.storedFields();
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            String id = stored.document(doc, Set.of(Fields.ID)).get(Fields.ID);
            byDoc[doc] = byId.get(id);
            priors[doc] = byDoc[doc] == null
                    ? 1
                    : NodeDocuments.prior(byDoc[doc].node().kind());
            docs.put(id, doc);
        }
        this.searcher =
                new NodeSearcher(searcher, byDoc, docs, priors, exact, symbols, synonyms, parts, encoder, vectors);
    }

    /** Builds the index of {@code nodes} with SkillGraph's own Lucene parts; synonyms apply to queries. */
    public static SearchIndex build(Collection<IndexedNode> nodes, SynonymMap synonyms) {
        return build(nodes, synonyms, SearchParts.OWN, null, null);
    }

    /**
     * Builds the index of {@code nodes} with the given {@code parts} (the benchmark harness compares them).
     *
     * @param encoder encodes queries for semantic retrieval; null: words only
     * @param vectors the nodes' sentence embeddings, searched with the encoder's query vectors; null: words only
     */
    public static SearchIndex build(
            Collection<IndexedNode> nodes,
            SynonymMap synonyms,
            SearchParts parts,
            @Nullable SentenceEncoder encoder,
            @Nullable VectorIndex vectors) {
        try {
            // One buffer per file: cloning an input (every term lookup does) then copies one reference, not a list of
            // small blocks, which made search allocate megabytes per query.
            Directory directory = new ByteBuffersDirectory(
                    new SingleInstanceLockFactory(),
                    ByteBuffersDataOutput::new,
                    ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
            return new SearchIndex(directory, nodes, synonyms, parts, encoder, vectors);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the search index", e);
        }
    }

    public int size() {
        return reader.numDocs();
    }

    /** How many nodes have a sentence embedding, so that semantic retrieval can find them; 0 when it is off. */
    public int vectors() {
        return searcher.vectors();
    }

    /** Takes a reference for one request; false once the index was closed and released by everyone. */
    public boolean tryIncRef() {
        return reader.tryIncRef();
    }

    public void decRef() {
        try {
            reader.decRef();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int refCount() {
        return reader.getRefCount();
    }

    /**
     * Searches the plain text of {@code query}: no character of it is query syntax.
     *
     * @throws SkillGraphException invalid input when the text matches too many spellings to search
     */
    public SearchResult search(SearchQuery query) {
        return searcher.search(query);
    }

    /**
     * As-you-type completions: every word a prefix of a word of the name or an alias, best and most needed first; when
     * nothing starts so, the closest spellings.
     *
     * @throws SkillGraphException invalid input when the text matches too many words to complete
     */
    public List<Suggestion> suggest(String text, int limit) {
        return searcher.suggest(text, limit);
    }

    @Override
    public void close() {
        decRef();
    }
}
