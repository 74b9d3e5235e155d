package dev.skillgraph.search;

/** Names of the index fields, and the weight each text field carries in ranking. */
final class Fields {

    static final String ID = "id";
    static final String KIND = "kind";
    static final String STAGE = "stage";
    static final String ROADMAP = "roadmap";
    static final String NAME = "name";
    static final String NAME_EXACT = "name_exact";
    static final String NAME_KEY = "name_key";
    static final String ALIAS_KEY = "alias_key";
    /** {@link #NAME_KEY} with each word stemmed ({@link Analyzers#stemmedKey}): the name typed in the singular. */
    static final String NAME_STEM_KEY = "name_stem_key";
    /** {@link #ALIAS_KEY} with each word stemmed. */
    static final String ALIAS_STEM_KEY = "alias_stem_key";

    static final String ALIASES = "aliases";
    static final String SUMMARY = "summary";
    static final String DESCRIPTION = "description";
    static final String RELATED = "related";
    static final String SPELL = "spell";
    static final String SUGGEST = "suggest";
    /** The name alone, as {@link #SUGGEST} has it: where a completion finds the name starting with the words typed. */
    static final String SUGGEST_NAME = "suggest_name";

    static final String FEATURES = "features";
    static final String IMPORTANCE = "importance";
    /** A node kind's prior as doc values, only in indexes that measure the plain Lucene way (see SearchParts). */
    static final String PRIOR = "prior";

    /** Text fields by weight: name > aliases > summary > description > names of related nodes. */
    static final String[] TEXT = {NAME, ALIASES, SUMMARY, DESCRIPTION, RELATED};

    /**
     * The text fields in which {@link WordCoverage} counts a word in full: name, aliases and summary. A word only in
     * the description or in related nodes' names counts half (counting it in full lowered the tuned relevance suite's
     * success@1 from 0.99 to 0.97: long stage descriptions that mention a question's every word passed the topic that
     * names most of them).
     */
    static final String[] OWN_TEXT = {NAME, ALIASES, SUMMARY};

    /**
     * The names and aliases of the roadmaps a stage is on (stages only): with its place ("stage 2"), what the stage
     * is called.
     * Searched only where a query names a place ({@link #OWN_TEXT_AT_PLACE}).
     */
    static final String ROADMAP_NAMES = "roadmap_names";

    /**
     * {@link #OWN_TEXT} for a query that names a stage's place ({@link StagePlaces#namesAPlace}): the stage's
     * roadmap's name counts as its own words too, so {@code data scientist stage two} is the Data Scientist roadmap's
     * stage 2 (whose own text says "stage 2" only), not the MLOps roadmap's, whose name has "data". Without a place
     * the roadmap's name is the stage's related text as any node's, or {@code let the llm call my functions} would
     * count "llm" as every LLM stage's own.
     */
    static final String[] OWN_TEXT_AT_PLACE = {NAME, ALIASES, SUMMARY, ROADMAP_NAMES};

    /**
     * What a node is: a resource's format ("book", "course", "paper"). A learner adds it to what they look for
     * ("statistics book"), so it counts as a word the node has ({@link #OTHER_TEXT}); it is never searched for, so it
     * completes a match of the node's own words and makes none ("book" alone is not every book). The names of the
     * roadmaps a node is on were tried here too ("fine tuning llm": the LLM roadmap's) and left out: their common
     * words ("engineer", "machine learning") became every topic's, and {@code prompt engineering llm} lost Prompt
     * Engineering from the first twelve.
     */
    static final String CONTEXT = "context";

    /** The text fields beyond {@link #OWN_TEXT}: where a word a node lacks there may still be. */
    static final String[] OTHER_TEXT = {DESCRIPTION, RELATED, CONTEXT};

    /** {@link #OTHER_TEXT} but the names of related nodes: what the node itself says beyond name, aliases, summary. */
    static final String[] PROSE = {DESCRIPTION, CONTEXT};

    static final float[] WEIGHT = {8f, 6f, 3f, 1.5f, 0.7f};

    private Fields() {}
}
