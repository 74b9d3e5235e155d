package dev.skillgraph.search;

import dev.skillgraph.error.SkillGraphException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/** Reads a synonyms file in the Solr format ({@code k8s, kubernetes} or {@code nn => neural network}). */
public final class Synonyms {

    private Synonyms() {}

    /** The synonyms in {@code file}, or none when it does not exist. */
    public static SynonymMap load(Path file) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, Analyzers.exact());
            parser.parse(reader);
            return parser.build();
        } catch (IOException | ParseException | IllegalArgumentException e) {
            throw SkillGraphException.misconfigured("cannot read the synonyms file " + file + ": " + e.getMessage());
        }
    }

    static SynonymMap empty() {
        try {
            return new SynonymMap.Builder().build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
