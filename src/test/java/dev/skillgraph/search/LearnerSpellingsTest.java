package dev.skillgraph.search;

import static dev.skillgraph.domain.Nodes.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.SeedGraph;
import dev.skillgraph.domain.StageRef;
import dev.skillgraph.graph.GraphData;
import dev.skillgraph.graph.GraphState;
import dev.skillgraph.projection.NodeVectors;
import dev.skillgraph.projection.Projection;
import dev.skillgraph.seed.SeedLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kinds of learner input of issue #21, each through its examples: joined and split words, names with symbols,
 * queries of only common words, the hit matching more of the query first, acronyms as phrases, short transposed
 * words, and questions in the learner's own words. On the seed graph (read from graph-seed/, as Neo4j would hold
 * it) and, where the seed has no such names, on a small pack of its own.
 */
class LearnerSpellingsTest {

    private static Projection words;
    private static Projection meaning;
    private static SentenceEncoder encoder;

    @BeforeAll
    static void build() {
        SeedGraph seed = new SeedLoader().load(Path.of("graph-seed"));
        GraphData data =
                new GraphData(seed.nodes(), seed.edges(), new GraphState(Optional.empty(), Optional.empty(), 0, 0, ""));
        SynonymMap synonyms = Synonyms.load(Path.of("graph-seed/synonyms.txt"));
        words = Projection.build(data, synonyms);
        encoder = SentenceEncoder.load(Runnable::run);
        meaning = Projection.build(data, synonyms, SearchParts.OWN, new NodeVectors(encoder, null));
    }

    private static SearchResult search(Projection projection, String text) {
        return projection.index().search(new SearchQuery(text, Optional.empty(), Optional.empty(), 10, 0));
    }

    private static List<String> ids(Projection projection, String text) {
        return search(projection, text).hits().stream()
                .map(SearchResult.Hit::id)
                .toList();
    }

    @Test
    void joinedAndSplitWordsFindEachOther() {
        for (Projection projection : List.of(words, meaning)) {
            assertThat(ids(projection, "scikitlearn")).first().isEqualTo("scikit-learn");
            assertThat(ids(projection, "sci kit learn")).first().isEqualTo("scikit-learn");
            assertThat(ids(projection, "gradientboosting")).first().isEqualTo("decision-trees-gradient-boosting");
            assertThat(ids(projection, "xg boost")).first().isEqualTo("xgboost");
            // Typed apart with a typo in it: the join is one typo from a name.
            assertThat(search(projection, "xg bost")).satisfies(answer -> {
                assertThat(answer.hits())
                        .extracting(SearchResult.Hit::id)
                        .first()
                        .isEqualTo("xgboost");
                assertThat(answer.didYouMean()).isEqualTo("xgboost");
            });
            assertThat(ids(projection, "tensor flwo")).first().isEqualTo("tensorflow");
            // Not a word with the next one taken for a typo in it: kubernetes fo is not "kubernetes" mistyped.
            assertThat(search(projection, "kubernetes fo").didYouMean()).isNull();
            // Nor another form of it: tutorial pls is not "tutorials" with "pl" typed by mistake.
            for (String text : List.of("tutorial pls", "mlflow tutorial pls")) {
                assertThat(search(projection, text).didYouMean()).as(text).isNull();
            }
            assertThat(ids(projection, "tensor flow")).contains("tensorflow");
            // Joined as code joins them.
            assertThat(ids(projection, "gradient_boosting")).first().isEqualTo("decision-trees-gradient-boosting");
            assertThat(ids(projection, "scikit_learn")).first().isEqualTo("scikit-learn");
            assertThat(search(projection, "lang_chain").hits()).first().satisfies(hit -> {
                assertThat(hit.id()).isEqualTo("langchain");
                assertThat(hit.highlights().get("name")).isEqualTo("<mark>LangChain</mark>");
            });
            assertThat(search(projection, "torch.nn").hits())
                    .filteredOn(hit -> hit.id().equals("pytorch"))
                    .singleElement()
                    .satisfies(
                            hit -> assertThat(hit.missing()).containsExactly("nn")); // the words are words of their own
            assertThat(projection.index().suggest("scikitlearn", 5))
                    .extracting(Suggestion::id)
                    .contains("scikit-learn");
            // As the words are typed: also read with the last two joined when a word starts with them, beside the
            // words as typed ("model s" is model serving or selection, not "models").
            assertThat(projection.index().suggest("tensor fl", 5).subList(0, 3))
                    .extracting(Suggestion::id)
                    .contains("pytorch-tensorflow-keras", "tensorflow");
            assertThat(projection.index().suggest("model s", 5))
                    .extracting(Suggestion::id)
                    .contains("model-serving", "llm-model-selection");
            // A whole name typed comes first, as in search; the words as typed are read too, though two of them join.
            assertThat(projection.index().suggest("pandas", 5))
                    .extracting(Suggestion::id)
                    .first()
                    .isEqualTo("pandas");
            assertThat(projection.index().suggest("deep learning", 5))
                    .extracting(Suggestion::id)
                    .first()
                    .isEqualTo("deep-learning-book");
            assertThat(projection.index().suggest("Hugging Face LLM Course", 5))
                    .extracting(Suggestion::id)
                    .first()
                    .isEqualTo("hugging-face-llm-course");
            assertThat(projection.index().suggest("sci kit", 5))
                    .extracting(Suggestion::id)
                    .contains("scikit-learn");
        }
    }

    @Test
    void completionsWhoseNameStartsWithTheWordsTypedComeBeforeThoseWithTheWordsApart() {
        // Ranking rules in order: a name starting with the words, the words together in a name, an alias starting so,
        // the words together in an alias; only then how much a node is needed (which put "PyTorch and
        // TensorFlow/Keras" first).
        List<String> deepL = words.index().suggest("deep l", 8).stream()
                .map(Suggestion::name)
                .toList();
        int lastStarting = 0;
        for (int i = 0; i < deepL.size(); i++) {
            if (deepL.get(i).toLowerCase(Locale.ROOT).startsWith("deep l")) {
                assertThat(i)
                        .as("%s starts with deep l: %s", deepL.get(i), deepL)
                        .isEqualTo(lastStarting++);
            }
        }
        assertThat(lastStarting).as("names starting with deep l in %s", deepL).isGreaterThanOrEqualTo(3);
        assertThat(words.index().suggest("data s", 6))
                .extracting(Suggestion::name)
                .allSatisfy(name -> assertThat(name).containsIgnoringCase("data s"))
                .contains("Data Storytelling and Stakeholder Communication");
        // The words together in a name, though a stop word the index leaves out is between them.
        assertThat(words.index().suggest("pytorch tens", 3))
                .extracting(Suggestion::id)
                .first()
                .isEqualTo("pytorch-tensorflow-keras");
        assertThat(words.index().suggest("tensor fl", 3))
                .extracting(Suggestion::id)
                .first()
                .isEqualTo("tensorflow");
        // Then shorter names first; a stop word being typed is a word too (scikit-learn's "learn" is a stop word of
        // search, "for" is being typed).
        assertThat(words.index().suggest("kubern", 3))
                .extracting(Suggestion::id)
                .first()
                .isEqualTo("kubernetes");
        assertThat(words.index().suggest("hugging f", 3))
                .extracting(Suggestion::name)
                .first()
                .isEqualTo("Hugging Face");
        assertThat(words.index().suggest("scikit l", 3))
                .extracting(Suggestion::id)
                .first()
                .isEqualTo("scikit-learn");
        assertThat(words.index().suggest("kubernetes fo", 3))
                .extracting(Suggestion::id)
                .containsExactly("kubernetes-ml-workloads");
        assertThat(words.index().suggest("what do i need to know", 3))
                .extracting(Suggestion::name)
                .first()
                .isEqualTo("What do I need to know before starting?");
        // The whole of an alias counts only when its last word is typed: llm in is not the alias "LLM"; and a stop word
        // typed in full is read, so the names that start with it come first.
        assertThat(words.index().suggest("llm in", 2))
                .extracting(Suggestion::name)
                .allSatisfy(name -> assertThat(name).startsWithIgnoringCase("llm inference"));
        assertThat(words.index().suggest("data and", 2))
                .extracting(Suggestion::name)
                .allSatisfy(name -> assertThat(name).startsWithIgnoringCase("data and"));
        assertThat(words.index().suggest("kubernetes for", 1))
                .extracting(Suggestion::id)
                .containsExactly("kubernetes-ml-workloads");
        // No name has the 4 of gpt4: the words but the last complete, as Typesense drops tokens from the right.
        assertThat(words.index().suggest("gpt4", 5))
                .isNotEmpty()
                .isEqualTo(words.index().suggest("gpt", 5));
        // Then from the left, stop words too; and a typo in the word being typed (tranf: transf...).
        assertThat(words.index().suggest("xyzzy deep", 5))
                .extracting(Suggestion::name)
                .first()
                .satisfies(name -> assertThat(name).startsWithIgnoringCase("deep"));
        assertThat(words.index().suggest("how do i start", 5))
                .extracting(Suggestion::id)
                .containsExactly("faq-prerequisites");
        assertThat(words.index().suggest("tranf", 5))
                .extracting(Suggestion::id)
                .contains("transformer-architecture", "transfer-learning");
        // Too short for a typo, but two letters swapped, as search takes a short word (pnad: pand...).
        assertThat(words.index().suggest("pnad", 5)).extracting(Suggestion::id).contains("pandas");
        assertThat(words.index().suggest("dokc", 5)).extracting(Suggestion::id).contains("docker");
        assertThat(words.index().suggest("deep xyzzy", 5))
                .extracting(Suggestion::name)
                .first()
                .satisfies(name -> assertThat(name).startsWithIgnoringCase("deep"));
    }

    @Test
    void aWordJoinedOrNotFindsTheTextsThatWriteItApart() {
        // The graph has "timeseries" as an alias: typed either way, the word still finds "Time series" in a summary.
        for (Projection projection : List.of(words, meaning)) {
            for (String text : List.of("time series forecasting", "timeseries forecasting")) {
                assertThat(search(projection, text).hits())
                        .as(text)
                        .filteredOn(hit -> hit.id().equals("ds-stage-4-specialised-analytics"))
                        .singleElement()
                        .satisfies(hit -> {
                            assertThat(hit.missing()).isNull();
                            assertThat(hit.highlights().get("summary"))
                                    .startsWith("<mark>Time</mark> <mark>series</mark> and <mark>forecasting</mark>");
                        });
            }
        }
    }

    @Test
    void aNodeWithOnlyAPartOfAWordTypedJoinedIsNoMatch() {
        // Before, randomforest matched nodes with "random" alone and computervision those with "vision" alone: hits
        // with nothing marked, counted in the total.
        for (String text : List.of("randomforest", "computervision", "datawrangling", "regressionanalysis")) {
            assertThat(search(words, text).hits()).as(text).isNotEmpty().allSatisfy(hit -> assertThat(hit.highlights())
                    .isNotEmpty());
        }
        // Two words of English typed apart are two words, not one word mistyped (fog low is not "follow").
        SearchResult apart = search(words, "fog low");
        assertThat(apart.didYouMean()).isNull();
        assertThat(apart.hits())
                .noneSatisfy(hit -> assertThat(hit.highlights().toString()).containsIgnoringCase("follow"));
    }

    @Test
    void thePartsOfAWordTypedJoinedCountOnlyTogether() {
        // "vision" in a summary is not half of computervision: the node with "computer vision" has both parts, and
        // the word typed joined counts as one, as much as "python" does.
        List<String> ids = ids(words, "computervision python");
        // Before, "Hugging Face Transformers" (a "Python API" for "text, vision and audio") came first.
        assertThat(ids.subList(0, 2)).containsExactlyInAnyOrder("python", "convolutional-neural-networks");
    }

    @Test
    void aWordATextHasOrEnglishHasIsNotSplitIntoWordsOfTheGraph() {
        for (Projection projection : List.of(words, meaning)) {
            // In descriptions only: weeks is not we|eks (EKS), abuse not ab|use, goal not go|al.
            assertThat(search(projection, "weeks").hits()).isNotEmpty().allSatisfy(hit -> assertThat(
                            hit.highlights().toString())
                    .containsPattern("<mark>weeks?</mark>")
                    .doesNotContain("EKS"));
            assertThat(ids(projection, "abuse")).first().isEqualTo("llm-guardrails");
            assertThat(ids(projection, "goal")).first().isEqualTo("llm-agents");
            // An English word the texts write apart is split all the same (nonlinear: "non-linear"), and two words
            // whose join a text has are joined (check list: "checklist").
            assertThat(ids(projection, "nonlinear")).contains("support-vector-machines");
            assertThat(hitOf(search(projection, "check list"), "ml-model-testing")
                            .missing())
                    .isNull();
            // English words the graph lacks: notable is not not|able ("able to run on PyTorch").
            assertThat(search(projection, "notable").hits())
                    .noneSatisfy(hit -> assertThat(hit.highlights().toString()).contains("<mark>able</mark>"));
        }
        // Nor is either one a typo: a word a text has stemmed needs no correction.
        for (String word : List.of("class", "factor", "encodes", "autoscaled")) {
            assertThat(search(words, word).didYouMean()).as(word).isNull();
        }
        assertThat(search(words, "transfomer").didYouMean()).isEqualTo("transformer");
        // A word of no language that stems like a text's word by chance ("recurring") is still a typo of a close word
        // that differs before its ending.
        assertThat(search(words, "recurent").didYouMean()).isEqualTo("recurrent");
        assertThat(ids(words, "recurent neural networks")).first().isEqualTo("recurrent-neural-networks");
        // An English word the graph lacks is corrected only where the correction fits in next to another word.
        assertThat(search(words, "neutral networks").didYouMean()).isEqualTo("neural networks");
        for (String question : List.of(
                "my computer keeps forgetting what I told the chatbot",
                "teach the model my company documents",
                // Another form of a word of the vocabulary ("learners", "trick").
                "resources for a learner",
                "stop users from tricking the chatbot")) {
            assertThat(search(words, question).didYouMean()).as(question).isNull();
        }
        // Nor does it match as the correction "did you mean" keeps quiet about: turing is no typo of fine-tuning.
        for (Projection projection : List.of(words, meaning)) {
            SearchResult turing = search(projection, "turing");
            assertThat(turing.didYouMean()).isNull();
            assertThat(turing.hits())
                    .noneSatisfy(hit -> assertThat(hit.highlights()).isNotEmpty());
        }
        assertThat(search(words, "turing").hits()).isEmpty();
        // Nor as another English word a vowel apart, whose consonants sound alike: tricking is no tracking.
        for (String english : List.of("tricking", "wine tasting", "boasting about results")) {
            assertThat(search(words, english).hits()).as(english).noneSatisfy(hit -> assertThat(
                            hit.highlights().toString())
                    .containsAnyOf(
                            "<mark>Tracking</mark>",
                            "<mark>tracking</mark>",
                            "<mark>testing</mark>",
                            "<mark>Testing</mark>",
                            "<mark>boosting</mark>",
                            "<mark>Boosting</mark>"));
        }
        // Unless it sounds the same: jupiter is Jupyter, matched and offered.
        for (Projection projection : List.of(words, meaning)) {
            SearchResult jupiter = search(projection, "jupiter");
            assertThat(jupiter.didYouMean()).isEqualTo("jupyter");
            assertThat(jupiter.hits()).first().extracting(SearchResult.Hit::id).isEqualTo("jupyter");
        }
    }

    @Test
    void anEnglishWordTheGraphLacksIsNotSplitIntoCommonWordsAndOneOfOurs() {
        // someone is not some|one: "One Python API ..." does not have it, nor does SQL and pandas have "anyway".
        for (Projection projection : List.of(words, meaning)) {
            // ("explain" asks: a word of a request, not searched.)
            SearchResult someone = search(projection, "someone to explain transformers");
            assertThat(hitOf(someone, "huggingface-transformers").missing()).containsExactly("someone");
            assertThat(hitOf(someone, "huggingface-transformers").highlights().toString())
                    .doesNotContain("<mark>One</mark>");
            // No node has "anyway": the notice says so once, and no hit lacks it.
            SearchResult anyway = search(projection, "anyway pandas");
            assertThat(anyway.notice()).isEqualTo("no node has anyway: these hits are for the other words");
            assertThat(hitOf(anyway, "sql-data-manipulation").missing()).isNull();
            // A name with symbols no node has is named as typed, not as the letters left of it.
            for (String typed : List.of("c++", "C#", ".NET")) {
                assertThat(search(projection, typed + " pandas").notice())
                        .as(typed)
                        .startsWith("no node has " + typed.toLowerCase(Locale.ROOT) + ":");
            }
            // A part of our own longer than the common words it is glued to still splits off.
            assertThat(ids(projection, "learnpython")).first().isEqualTo("python");
            // Common words inside a joined name are parts too, and the gaps its phrase allows (the index leaves them
            // out): "chain of thought", "infrastructure as code", "time to first token", "human in the loop".
            for (Map.Entry<String, String> joined : Map.of(
                            "chainofthought", "prompt-engineering",
                            "infrastructureascode", "infrastructure-as-code",
                            "timetofirsttoken", "llm-inference-serving",
                            "humanintheloop", "llm-agents",
                            "bagofwords", "ds-nlp-text-analytics",
                            "attentionisallyouneed", "attention-is-all-you-need")
                    .entrySet()) {
                assertThat(ids(projection, joined.getKey()))
                        .as(joined.getKey())
                        .first()
                        .isEqualTo(joined.getValue());
            }
        }
    }

    @Test
    void aWordOneTypoFromAKnownWordIsNotSplitIntoThreeOthers() throws Exception {
        // langchian: langchain with two letters swapped, not lang|chi|an; gpt4 still splits into gpt|4.
        for (Projection projection : List.of(words, meaning)) {
            SearchResult swapped = search(projection, "langchian agents");
            assertThat(swapped.didYouMean()).isEqualTo("langchain agents");
            assertThat(swapped.hits()).first().extracting(SearchResult.Hit::id).isIn("langchain", "llm-agents");
            assertThat(swapped.notice()).isNull();
        }
        // Letters and digits part as a word delimiter parts them: gpt4 is gpt-4, GPT-4 first, then every GPT.
        SearchIndex models = SearchIndex.build(
                List.of(
                        tool("gpt-4", "GPT-4", "OpenAI's model of 2023"),
                        tool("gpt-2", "GPT-2", "OpenAI's model of 2019, open weights")),
                new SynonymMap.Builder().build());
        for (String text : List.of("gpt4", "gpt-4", "GPT 4")) {
            assertThat(models.search(query(text)).hits())
                    .as(text)
                    .first()
                    .extracting(SearchResult.Hit::id)
                    .isEqualTo("gpt-4");
        }
        // The seed has no GPT-4: gpt4 finds what gpt-4 finds, each hit missing the 4.
        SearchResult gpt4 = search(words, "gpt4");
        assertThat(gpt4.hits()).isNotEmpty().extracting(SearchResult.Hit::id).isEqualTo(ids(words, "gpt-4"));
        assertThat(gpt4.hits().get(0).missing()).containsExactly("4");
    }

    @Test
    void invisibleCharactersMarksAndEmojiAreNotWords() {
        for (Projection projection : List.of(words, meaning)) {
            assertThat(ids(projection, "deep\u00ADlearning")).isNotEmpty().isEqualTo(ids(projection, "deeplearning"));
            assertThat(ids(projection, "aure\u0301lien")).isNotEmpty().isEqualTo(ids(projection, "aur\u00E9lien"));
            assertThat(search(projection, "pandas\uD83D\uDC3C numpy").hits())
                    .isEqualTo(search(projection, "pandas numpy").hits());
            assertThat(search(projection, "\uD83D\uDC3C \u17B4").notice()).contains("no words");
        }
    }

    @Test
    void aShortWordWithTwoLettersSwappedIsFound() {
        assertThat(ids(words, "lroa").subList(0, 2)).containsAnyOf("lora-paper", "fine-tuning-peft");
        assertThat(ids(words, "dcv")).first().isIn("dvc", "data-model-versioning");
        assertThat(ids(words, "slq")).isNotEmpty();
        assertThat(search(words, "lroa").didYouMean()).isEqualTo("lora");
        // The first two letters swapped too, in short words and long.
        assertThat(ids(words, "qsl")).first().isEqualTo("sql-data-manipulation");
        assertThat(search(words, "ypthon")).satisfies(answer -> {
            assertThat(answer.hits()).first().extracting(SearchResult.Hit::id).isEqualTo("python");
            assertThat(answer.didYouMean()).isEqualTo("python");
        });
        // Not an English word the graph lacks into one of ours: cup is no cpu.
        assertThat(search(words, "world cup").didYouMean()).isNull();
        // "Did you mean" keeps the common words typed: scikit learn, not scikit.
        assertThat(search(words, "scikt learn").didYouMean()).isEqualTo("scikit learn");
    }

    @Test
    void aWordOfTheGraphIsWhatWasMeantNotATypoOfAnother() throws Exception {
        SearchIndex index = SearchIndex.build(
                List.of(
                        topic("turing-machines", "Turing machines", "The abstract model of computation"),
                        topic("fine-tuning", "Fine-tuning", "Training a pretrained model further")),
                new SynonymMap.Builder().build());
        assertThat(index.search(query("turing")).hits())
                .extracting(SearchResult.Hit::id)
                .containsExactly("turing-machines");
        assertThat(index.search(query("tuning")).hits())
                .extracting(SearchResult.Hit::id)
                .containsExactly("fine-tuning");
        assertThat(index.search(query("tunign")).hits())
                .extracting(SearchResult.Hit::id)
                .first()
                .isEqualTo("fine-tuning");
    }

    @Test
    void aSynonymOfSeveralWordsMatchesThemAsAPhrase() {
        assertThat(ids(words, "svm")).first().isEqualTo("support-vector-machines");
        // "gradient descent" in a summary is not "gradient boosting machine"
        assertThat(ids(words, "gbm")).first().isEqualTo("decision-trees-gradient-boosting");
        assertThat(ids(words, "gbm")).doesNotContain("linear-logistic-regression");
        // Nor in highlights, word coverage and missing words: one word of the phrase is not the acronym.
        for (Projection projection : List.of(words, meaning)) {
            assertThat(search(projection, "svm").hits())
                    .flatExtracting(hit -> hit.highlights().values())
                    .allSatisfy(marked -> assertThat(
                                    marked.contains("<mark>Machine") || marked.contains("<mark>Vector"))
                            .as(marked)
                            .isEqualTo(marked.contains("<mark>Support</mark> <mark>Vector</mark> <mark>Machine")));
            SearchResult svmLangchain = search(projection, "svm langchain");
            assertThat(svmLangchain.hits())
                    .filteredOn(hit -> !hit.highlights().isEmpty())
                    .allSatisfy(hit -> assertThat(
                                    hit.missing() != null && hit.missing().contains("svm"))
                            .as(hit.id() + " " + hit.highlights())
                            .isEqualTo(hit.highlights().values().stream()
                                    .noneMatch(marked -> marked.contains("<mark>SVM")
                                            || marked.contains(
                                                    "<mark>Support</mark> <mark>Vector</mark> <mark>Machine"))));
            assertThat(search(projection, "gbm funnels").hits())
                    .filteredOn(hit -> hit.id().equals("ds-product-analytics"))
                    .allSatisfy(hit -> assertThat(hit.missing()).contains("gbm"));
        }
    }

    @Test
    void aSynonymOfSeveralWordsCountsForEachOfThemTheOtherWayToo() {
        // The long form typed, a node with only the short one ("ML Coding Interviews"): it has every word.
        for (Projection projection : List.of(words, meaning)) {
            for (var expected : Map.of(
                            "machine learning coding interviews", "ml-coding-interviews",
                            "machine learning system design", "ml-system-design-interviews",
                            "large language model security", "llm-security",
                            "long short term memory", "recurrent-neural-networks")
                    .entrySet()) {
                SearchResult answer = search(projection, expected.getKey());
                assertThat(answer.hits()).as(expected.getKey()).first().satisfies(hit -> {
                    assertThat(hit.id()).isEqualTo(expected.getValue());
                    assertThat(hit.missing()).isNull();
                    assertThat(hit.similarity()).isNull(); // found by its words, not by meaning
                });
            }
            assertThat(search(projection, "retrieval augmented generation").hits())
                    .filteredOn(hit -> hit.id().equals("retrieval-augmented-generation"))
                    .singleElement()
                    .satisfies(hit -> assertThat(hit.highlights().get("name")).contains("<mark>RAG</mark>"));
            // Nor is a word with a synonym one that no node has: the hits are for it.
            for (String text : List.of("dl", "doctorate", "what is artificial intelligence")) {
                String notice = search(projection, text).notice();
                assertThat(notice == null ? "" : notice).as(text).doesNotContain("no node has");
            }
        }
    }

    @Test
    void aQuestionOfOnlyAskingWordsIsOneOfCommonWords() {
        // Searched by "study" and "started", these found "case studies" and "Storytelling starts from...".
        for (Projection projection : List.of(words, meaning)) {
            for (String text : List.of("what should i study", "how do i get started", "what should I practice")) {
                assertThat(search(projection, text).notice()).as(text).startsWith("only common words");
            }
            // One of them with a word that names something is searched by that word.
            for (String text : List.of("what should i study for nlp", "next token prediction")) {
                String notice = search(projection, text).notice();
                assertThat(notice == null ? "" : notice).as(text).doesNotContain("only common words");
            }
        }
    }

    @Test
    void aWordInCamelCaseTheIndexLacksIsItsParts() {
        for (Projection projection : List.of(words, meaning)) {
            assertThat(search(projection, "RandomForestClassifier").hits())
                    .first()
                    .satisfies(hit -> {
                        assertThat(hit.id()).isEqualTo("decision-trees-gradient-boosting");
                        assertThat(hit.missing()).containsExactly("classifier");
                    });
            // A name the index has whole stays whole, whatever its case.
            assertThat(ids(projection, "PyTorch")).first().isEqualTo("pytorch");
            assertThat(ids(projection, "XGBoost")).first().isEqualTo("xgboost");
        }
    }

    @Test
    void aStageOrResourceIsNoHitWithMostWordsForTheNamesOfTheTopicsItLinks() {
        // Its related names are "Decision Trees, Random Forests and Gradient Boosting" and "Linear and Logistic
        // Regression": a word from each is not most of the query in its own text.
        for (Projection projection : List.of(words, meaning)) {
            assertThat(ids(projection, "random forest regression"))
                    .as(projection == words ? "words" : "meaning")
                    .first()
                    .isEqualTo("decision-trees-gradient-boosting");
            // A topic's related names are its stage and tools: "llm" of its LLM stage still counts.
            assertThat(ids(projection, "llm nondeterminism temperature"))
                    .first()
                    .isEqualTo("llm-sampling-decoding");
        }
    }

    @Test
    void aListOfNamesWithManySynonymsIsSearchedNotRefused() {
        // Each acronym has two to four readings: a phrase of every reading together was 1,024 phrases and more.
        for (Projection projection : List.of(words, meaning)) {
            for (String text : List.of(
                    "rag lora peft llm nlp cnn rnn pca",
                    "python sql rag pandas numpy docker kubernetes transformers pca cnns rnns lora")) {
                assertThat(search(projection, text).hits()).as(text).hasSize(10);
            }
        }
        assertThat(AnalyzedText.of(
                                Analyzers.stemmedWithSynonyms(Synonyms.load(Path.of("graph-seed/synonyms.txt"))),
                                "rag lora peft llm nlp cnn")
                        .readings(10_000))
                .isEqualTo(2 * 4 * 4 * 4 * 2 * 4);
    }

    @Test
    void aResourcesFormatIsAWordItHas() {
        // "book" is no word of Think Stats' text, yet it is a book; nor does "book" alone find every book.
        for (Projection projection : List.of(words, meaning)) {
            assertThat(search(projection, "statistics book").hits())
                    .filteredOn(hit -> hit.id().equals("think-stats"))
                    .singleElement()
                    .satisfies(hit -> assertThat(hit.missing()).isNull());
        }
        assertThat(ids(words, "book")).doesNotContain("think-stats");
    }

    @Test
    void theHitWithMoreOfTheQueryWordsComesFirst() throws Exception {
        assertThat(ids(words, "light gbm")).first().isEqualTo("lightgbm");
        // Vector databases, then RAG (its alias "vector database": db is database), then Support Vector Machines.
        List<String> vectorDb = ids(words, "vector db");
        assertThat(vectorDb).first().isEqualTo("vector-databases");
        assertThat(vectorDb.indexOf("retrieval-augmented-generation"))
                .isBetween(0, vectorDb.indexOf("support-vector-machines"));
        SearchIndex machines = SearchIndex.build(
                List.of(
                        topic("turing-machines", "Turing machines", "The abstract model of computation"),
                        topic(
                                "nondeterministic-turing-machines",
                                "Nondeterministic Turing machines",
                                "Machines that may take many transitions at once")),
                new SynonymMap.Builder().build());
        assertThat(machines.search(query("nondeterinistic turing machines")).hits())
                .first()
                .extracting(SearchResult.Hit::id)
                .isEqualTo("nondeterministic-turing-machines");
        // A whole name typed in the singular is still that name, before a longer one with the same words.
        for (String name : List.of("turing machine", "Turing machines")) {
            assertThat(machines.search(query(name)).hits())
                    .as(name)
                    .first()
                    .extracting(SearchResult.Hit::id)
                    .isEqualTo("turing-machines");
        }
        for (Projection projection : List.of(words, meaning)) {
            // Joined or apart, each word of the name (dataset is also "data set" to the texts).
            for (String name : List.of("hugging face dataset", "huggingface dataset", "huggingface datasets")) {
                assertThat(ids(projection, name)).as(name).first().isEqualTo("huggingface-datasets");
            }
            assertThat(ids(projection, "hugging face transformer")).first().isEqualTo("huggingface-transformers");
        }
        // A word only in a description counts half a word in a name, alias or summary: the one description that says
        // "production-readiness checklist" (it came 31st, below every node whose summary says "production") now
        // follows only the hits with two of the words in their own text.
        List<String> checklist = ids(words, "production readiness checklist");
        assertThat(checklist.indexOf("ml-model-testing"))
                .as("%s", checklist)
                .isBetween(0, 4)
                .isLessThan(checklist.indexOf("stage-4-mlops") < 0 ? 99 : checklist.indexOf("stage-4-mlops"));
        assertThat(hitOf(search(words, "production readiness checklist"), "ml-model-testing")
                        .missing())
                .isNull();
        // Among hits with every word, more of them in name, aliases and summary first.
        assertThat(ids(words, "quantization")).first().isEqualTo("model-compression");
    }

    @Test
    void namesWithSymbolsKeepThem() throws Exception {
        SearchIndex languages = SearchIndex.build(
                List.of(
                        tool("c", "C", "The systems language of Unix"),
                        tool("cpp", "C++", "C with classes, templates and the STL"),
                        tool("csharp", "C#", "Microsoft's language of the .NET runtime"),
                        tool("dotnet", ".NET", "Microsoft's runtime and libraries for C# and F#")),
                new SynonymMap.Builder().build());
        assertThat(languages.search(query("c++")).hits())
                .first()
                .extracting(SearchResult.Hit::id)
                .isEqualTo("cpp");
        assertThat(languages.search(query("C#")).hits())
                .first()
                .extracting(SearchResult.Hit::id)
                .isEqualTo("csharp");
        assertThat(languages.search(query("c")).hits())
                .first()
                .extracting(SearchResult.Hit::id)
                .isEqualTo("c");
        assertThat(languages.search(query(".net")).hits())
                .first()
                .extracting(SearchResult.Hit::id)
                .isEqualTo("dotnet");
        assertThat(languages.suggest("c++", 5))
                .extracting(Suggestion::id)
                .first()
                .isEqualTo("cpp");
        assertThat(languages.search(query("c++")).hits().get(0).highlights().get("name"))
                .isEqualTo("<mark>C++</mark>");
        // A hit lacking a word with symbols is missing it as typed, not as the index spells it.
        assertThat(languages.search(query("c++ unix")).hits())
                .filteredOn(hit -> hit.id().equals("c"))
                .singleElement()
                .satisfies(hit -> assertThat(hit.missing()).containsExactly("c++"));
    }

    @Test
    void aQueryOfOnlyCommonWordsIsNeverSilentlyEmpty() {
        // Nor any other: words only, a query no node has says so.
        SearchResult none = search(words, "zzqxv wwkjq");
        assertThat(none.hits()).isEmpty();
        assertThat(none.didYouMean()).isNull();
        assertThat(none.notice()).isEqualTo("no node has these words");
        SearchResult byMeaning = search(meaning, "what do I need to know");
        assertThat(byMeaning.hits()).isNotEmpty();
        assertThat(byMeaning.notice()).contains("only common words").contains("by meaning");
        assertThat(byMeaning.hits())
                .allSatisfy(hit -> assertThat(hit.similarity()).isNotNull());
        // With no meaning to search by: the names and aliases that have the words as typed, or most of them.
        SearchResult learn = search(words, "learn");
        assertThat(learn.hits()).isNotEmpty();
        assertThat(learn.notice()).contains("only common words (learn)").contains("as typed");
        assertThat(ids(words, "what do I need to know")).containsExactly("faq-prerequisites");
        assertThat(ids(words, "how do i start")).containsExactly("faq-prerequisites");
        // Most of the words, the rarest kept: not the name with "for" and "memory" that the last two words start.
        assertThat(ids(words, "is this for me"))
                .containsExactlyInAnyOrder("faq-who-is-this-for", "faq-llm-who-is-this-for");
        assertThat(ids(words, "who is it for"))
                .containsExactlyInAnyOrder("faq-who-is-this-for", "faq-llm-who-is-this-for");
        // By meaning too, a name with most of the words as typed comes first, then the neighbours in meaning.
        SearchResult whoFor = search(meaning, "who is it for");
        assertThat(whoFor.hits().subList(0, 2))
                .extracting(SearchResult.Hit::id)
                .containsExactlyInAnyOrder("faq-who-is-this-for", "faq-llm-who-is-this-for");
        assertThat(whoFor.notice()).contains("as typed first, then searched by meaning");
        // With meaning on, the names and aliases with most of the words as typed come first.
        SearchResult nothingClose = search(meaning, "what do i");
        assertThat(nothingClose.hits()).extracting(SearchResult.Hit::id).first().isEqualTo("faq-prerequisites");
        assertThat(nothingClose.notice()).contains("as typed");
        assertThat(search(words, "whom").notice()).endsWith("none has them; name a topic, tool, career or roadmap");
        assertThat(search(meaning, "asdfgh qwerty").notice()).isNotBlank();
        // A text the model reads no word piece of (a Khmer vowel sign alone) means nothing to it: no vector, no 500.
        assertThat(encoder.encodeQuery("\u17B4")).isNull();
        assertThat(encoder.encodeQuery("python")).hasSize(SentenceEncoder.DIMENSIONS);
    }

    @Test
    void aHitWithSomeOfTheWordsSaysWhichItIsMissing() {
        for (Projection projection : List.of(words, meaning)) {
            // No node has "kitchen" or "tap": the notice names them once, and the hits say which other word they lack.
            SearchResult partial = search(projection, "how do I fix a leaking kitchen tap");
            assertThat(partial.notice())
                    .startsWith("no node has kitchen, tap; none of these hits has every other word");
            assertThat(partial.hits())
                    .isNotEmpty()
                    .allSatisfy(hit -> assertThat(hit.missing()).isNotEmpty().isSubsetOf("fix", "leaking"));
            // "fix" in a summary, "leak" (stemmed) only in a description: both count as had.
            assertThat(hitOf(partial, "ds-data-cleaning").missing()).containsExactly("leaking");
            assertThat(hitOf(partial, "llm-dataset-engineering").missing()).containsExactly("fix");

            SearchResult full = search(projection, "vector db");
            assertThat(full.notice()).isNull();
            assertThat(hitOf(full, "vector-databases").missing()).isNull();
            assertThat(hitOf(full, "support-vector-machines").missing()).containsExactly("db");
            // A typo corrected and a synonym are words the hit has.
            assertThat(hitOf(search(projection, "transfomer attention"), "transformer-architecture")
                            .missing())
                    .isNull();
            assertThat(hitOf(search(projection, "svm"), "support-vector-machines")
                            .missing())
                    .isNull();
            // A word typed joined is missing as typed, not as the part the hit lacks.
            assertThat(hitOf(search(projection, "finetune sagemaker"), "sagemaker")
                            .missing())
                    .containsExactly("finetune");
            // The last word as a prefix, wherever the word it begins is ("deployments" in a description).
            assertThat(hitOf(search(projection, "kubernetes depl"), "kubernetes-ml-workloads")
                            .missing())
                    .isNull();
        }
        // A hit found by meaning alone has none of the words: it is there for its meaning, not listed as missing them.
        assertThat(search(meaning, "shrink my network so it fits on a phone").hits())
                .filteredOn(hit -> hit.highlights().isEmpty())
                .allSatisfy(hit -> assertThat(hit.missing()).isNull());
    }

    @Test
    void theNoticeSaysWhyHitsLackWordsOrAreNone() {
        for (Projection projection : List.of(words, meaning)) {
            // "2024" only in a description: the hit has the word, so nothing is said.
            assertThat(search(projection, "2024").notice()).isNull();
            SearchResult filteredOut = projection
                    .index()
                    .search(new SearchQuery("python", Optional.of(Kind.STAGE), Optional.of("stage-1-core-ml"), 10, 0));
            assertThat(filteredOut.hits()).isEmpty();
            assertThat(filteredOut.notice()).contains("passes the filters");
            SearchResult beyond =
                    projection.index().search(new SearchQuery("python", Optional.empty(), Optional.empty(), 10, 500));
            assertThat(beyond.hits()).isEmpty();
            assertThat(beyond.notice()).isEqualTo("this page lies beyond the last hit");
            String seventeen = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike"
                    + " november oscar papa clustering";
            assertThat(search(projection, seventeen).notice())
                    .contains("only the first 16 different words were searched (1 more left out)");
        }
        assertThat(search(meaning, "pictures cats dogs").hits())
                .isNotEmpty()
                .allSatisfy(hit -> assertThat(hit.similarity()).isNotNull());
        assertThat(search(meaning, "pictures cats dogs").notice()).contains("close to it in meaning");
    }

    @Test
    void everyPageIsASliceOfOneOrderWhateverItsSize() {
        for (Projection projection : List.of(words, meaning)) {
            for (String text : List.of(
                    "machine learning data", "spark big data", "model training gpu cluster cost", "svm langchain")) {
                List<SearchResult.Hit> whole = projection
                        .index()
                        .search(new SearchQuery(text, Optional.empty(), Optional.empty(), 100, 0))
                        .hits();
                List<SearchResult.Hit> paged = new java.util.ArrayList<>();
                for (int offset = 0; offset < whole.size(); offset += 7) {
                    paged.addAll(projection
                            .index()
                            .search(new SearchQuery(text, Optional.empty(), Optional.empty(), 7, offset))
                            .hits());
                }
                assertThat(paged.subList(0, whole.size())).as(text).containsExactlyElementsOf(whole);
            }
        }
    }

    private static SearchResult.Hit hitOf(SearchResult result, String id) {
        return result.hits().stream()
                .filter(hit -> hit.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " not among " + result.hits()));
    }

    @Test
    void questionsInTheLearnersOwnWordsFindTheTopicByMeaning() {
        assertThat(ids(meaning, "how do I make my model smaller")).first().isEqualTo("model-compression");
        // An exact name is never displaced by a neighbour in meaning.
        for (String name : List.of("Attention Is All You Need", "LLM", "PyTorch", "Model Serving")) {
            assertThat(ids(meaning, name)).first().isEqualTo(ids(words, name).get(0));
        }
        // Nor any hit that lacks a word, found by meaning or not, a hit with every word (in its aliases, in another
        // field), where no hit has them all in name, aliases and summary.
        assertThat(ids(meaning, "llm nondeterminism temperature")).first().isEqualTo("llm-sampling-decoding");
        assertThat(ids(meaning, "andrew ng clustering")).first().isEqualTo("ml-specialization-coursera");
        // Nor is a node whose description has the word, where no name, alias or summary does.
        for (String[] word : new String[][] {{"checklist", "ml-model-testing"}, {"colour", "data-visualization"}}) {
            SearchResult answer = search(meaning, word[0]);
            assertThat(answer.hits())
                    .as(word[0])
                    .anySatisfy(hit -> assertThat(hit.similarity()).isNotNull()); // neighbours in meaning did join
            assertThat(answer.hits()).extracting(SearchResult.Hit::id).first().isEqualTo(word[1]);
        }
    }

    @Test
    void anExactNameWinsOverALongerOneThoughItsWordsJoin() {
        // "hugging face" joins into the indexed "huggingface"; the name as typed still wins outright.
        for (Projection projection : List.of(words, meaning)) {
            assertThat(ids(projection, "Hugging Face Transformers")).first().isEqualTo("huggingface-transformers");
        }
    }

    @Test
    void amongHitsWithAsManyWordsTheOneWhoseWordNamesSomethingComesFirst() {
        for (Projection projection : List.of(words, meaning)) {
            // overfitting is an alias of regularization, model names nothing: a hit with overfitting alone comes
            // before those with model alone, though "model" in a name scores more.
            assertThat(ids(projection, "model overfitting").subList(0, 2)).contains("deep-learning-regularization");
            // pytorch names a tool; tutorial, the rarer word, names nothing.
            assertThat(ids(projection, "pytorch tutorial").subList(0, 2))
                    .containsExactly("pytorch-tutorials", "pytorch");
        }
    }

    @Test
    void theWordsOfARequestAreNotSearchedFor() {
        // tell me, explain, please and so ask; they are not what is asked about ("explain" had found explainability).
        for (Projection projection : List.of(words, meaning)) {
            assertThat(ids(projection, "explain attention").get(0)).isNotEqualTo("ds-model-interpretability");
            assertThat(ids(projection, "please tell me about lora").subList(0, 2))
                    .containsAnyOf("lora-paper", "fine-tuning-peft");
            assertThat(ids(projection, "explainable ai")).first().isEqualTo("ds-model-interpretability");
        }
    }

    @Test
    void contractionsOfTheWordsOfAQuestionAreNotSearchedForWithOrWithoutTheirApostrophe() {
        for (Projection projection : List.of(words, meaning)) {
            for (String query : List.of(
                    "what's mlops",
                    "whats mlops",
                    "what\u2019s mlops",
                    "what`s mlops",
                    "what\u00B4s mlops",
                    "what''s mlops",
                    "i don't know mlops",
                    "i dont know mlops")) {
                SearchResult answer = search(projection, query);
                assertThat(answer.hits()).as(query).first().satisfies(hit -> {
                    assertThat(hit.id()).startsWith("mlops");
                    assertThat(hit.missing()).isNullOrEmpty();
                });
                assertThat(answer.notice()).as(query).isNull();
            }
        }
    }

    @Test
    void aNumberCountsOnlyBesideTheWordItQualifies() {
        // python2 is Python 2, not any text with a 2 in it ("2-7 weeks"); llama3 is a Llama, what the alias names.
        for (Projection projection : List.of(words, meaning)) {
            for (String query : List.of("python2", "python 2")) {
                assertThat(search(projection, query).hits()).as(query).first().satisfies(hit -> {
                    assertThat(hit.id()).isEqualTo("python");
                    assertThat(hit.missing()).containsExactly("2");
                });
            }
            // qwen2 is Qwen first.
            assertThat(ids(projection, "qwen2")).first().isEqualTo("llm-model-selection");
            // The number alone in a name or alias counts only where the word it qualifies is too: web3 is no Keras
            // (alias "keras 3"; it came first, missing web), gpt4 no model compression (alias "4-bit").
            // (With semantic retrieval on, Keras may still be a neighbour in meaning, after the words' hits.)
            assertThat(ids(words, "web3")).doesNotContain("keras");
            assertThat(ids(words, "gpt4")).doesNotContain("model-compression");
            assertThat(ids(projection, "web3").subList(0, 5)).doesNotContain("keras");
            assertThat(ids(projection, "salary 2025")).first().isEqualTo("faq-salary");
            for (String query : List.of("llama3", "llama 3", "llama-3", "gemma2")) {
                assertThat(ids(projection, query)).as(query).first().isEqualTo("llm-model-selection");
            }
            // A stage's place says its number, not a version: gpt3 is no stage 3, though stage 3's description
            // mentions GPT (it had come first, with every word).
            for (String query : List.of("gpt3", "gpt-3", "cnn2", "terraform 1")) {
                assertThat(ids(projection, query).get(0)).as(query).doesNotContain("stage-");
            }
            // A number alone is still searched, whole: 20 is no "2025", as the last word typed is no word begun.
            assertThat(ids(words, "2")).isNotEmpty();
            assertThat(ids(words, "20")).doesNotContain("faq-salary");
        }
    }

    @Test
    void aStageIsFoundByItsPlaceOnItsRoadmap() {
        for (Projection projection : List.of(words, meaning)) {
            // Every roadmap's stage 2, and none of the nodes with a stage or a 2 elsewhere in their text; the number
            // as a word, or as an ordinal, is the page's label.
            for (String place : List.of("stage 2", "stage two", "second stage", "2nd stage")) {
                assertThat(ids(projection, place).subList(0, 4))
                        .as(place)
                        .containsExactlyInAnyOrder(
                                "stage-2-deep-learning",
                                "ds-stage-2-statistics-experimentation",
                                "mlops-stage-2-pipelines",
                                "llm-stage-2-embeddings-rag");
            }
            assertThat(ids(projection, "stage zero").subList(0, 4))
                    .allSatisfy(id -> assertThat(id).contains("stage-0-"));
            assertThat(hitOf(search(projection, "stage 2"), "stage-2-deep-learning")
                            .highlights()
                            .get("aliases"))
                    .contains("<mark>stage</mark> <mark>2</mark>");
            // With the roadmap's name, a word a stage's roadmap has (as a related name).
            assertThat(ids(projection, "mlops stage 2")).first().isEqualTo("mlops-stage-2-pipelines");
            assertThat(ids(projection, "llm stage 3")).first().isEqualTo("llm-stage-3-agents-evaluation");
            assertThat(ids(projection, "third stage of the llm roadmap"))
                    .first()
                    .isEqualTo("llm-stage-3-agents-evaluation");
            // A place with the roadmap's name: that roadmap's stage, though another's stage of that number has one of
            // the name's words in its own name (MLOps's stage 2 is "Data and ML Pipelines").
            Map.of(
                            "data scientist stage two", "ds-stage-2-statistics-experimentation",
                            "data scientist 2nd stage", "ds-stage-2-statistics-experimentation",
                            "ml engineer stage 4", "stage-4-mlops",
                            "llm engineer second stage", "llm-stage-2-embeddings-rag",
                            "ai engineer stage 2", "llm-stage-2-embeddings-rag",
                            // the roadmap by one of its aliases ("data science", "ds roadmap")
                            "data science stage 2", "ds-stage-2-statistics-experimentation",
                            "ds stage 2", "ds-stage-2-statistics-experimentation",
                            "stage 3 ds", "ds-stage-3-machine-learning")
                    .forEach((typed, first) ->
                            assertThat(ids(projection, typed)).as(typed).first().isEqualTo(first));
            // The stage at the place named comes before a node that mentions the place in passing (stage 0's summary
            // says "before stage 1"), and the roadmap's name as a phrase before its words apart (MLOps's aliases have
            // "ml" and "engineer").
            for (String typed : List.of("mle stage 1", "ml engineer stage 1", "machine learning engineer stage 1")) {
                assertThat(ids(projection, typed)).as(typed).first().isEqualTo("stage-1-core-ml");
            }
            // Without a place, a roadmap's name is no stage's own: the topic comes first.
            assertThat(ids(projection, "let the llm call my functions")).first().isEqualTo("llm-tool-calling");
            // "first" alone is a common word; next to "stage" it is a place.
            assertThat(ids(projection, "first stage").subList(0, 4))
                    .allSatisfy(id -> assertThat(id).contains("stage-1-"));
            assertThat(ids(projection, "zeroth stage").subList(0, 4))
                    .allSatisfy(id -> assertThat(id).contains("stage-0-"));
            // Places in another case, and letters that only Unicode's case folding makes a place's.
            assertThat(ids(projection, "SECOND Stage").subList(0, 4))
                    .allSatisfy(id -> assertThat(id).contains("stage-2-"));
            assertThat(search(projection, "ſecond ſtage").hits()).isNotNull();
            assertThat(ids(projection, "ｓｔａｇｅ　ｔｗｏ").subList(0, 4))
                    .allSatisfy(id -> assertThat(id).contains("stage-2-"));
            // Hyphens and accents as the analyzer reads them.
            for (String place : List.of("stage-two", "2nd-stage", "sécond stage")) {
                assertThat(ids(projection, place).subList(0, 4)).as(place).allSatisfy(id -> assertThat(id)
                        .contains("stage-2-"));
            }
            // The end or the start of a longer number is no place.
            for (String text : List.of("twenty-second stage", "twenty second stage")) {
                assertThat(ids(projection, text).stream().limit(3)).as(text).noneMatch(id -> id.contains("stage-2-"));
            }
            assertThat(ids(projection, "stage one hundred").stream().limit(3)).noneMatch(id -> id.contains("stage-1-"));
            // A number is one number, not split against the vocabulary: 4123 is no 4 and 123.
            for (String text : List.of("stage 4123", "stage 5678")) {
                String first = "stage-" + text.charAt(6) + "-";
                assertThat(ids(projection, text).stream().limit(3)).as(text).noneMatch(id -> id.contains(first));
            }
            // A number word elsewhere is no place: these had listed three or four stages of that number.
            for (String text : List.of("two tower model", "zero shot", "second opinion")) {
                assertThat(ids(projection, text).stream().limit(3)).as(text).noneMatch(id -> id.contains("stage-"));
            }
        }
    }

    @Test
    void completionsReadWordsAsSearchReadsThem() {
        // A letter joined as the texts hyphenate it, a number joined to the word it qualifies, a stage by its place.
        Map.of(
                        "kfold",
                        "ds-model-evaluation-validation",
                        "pvalue",
                        "hypothesis-testing-ab-testing",
                        "python 3",
                        "python")
                .forEach((typed, first) -> assertThat(words.index().suggest(typed, 5))
                        .as(typed)
                        .extracting(Suggestion::id)
                        .first()
                        .isEqualTo(first));
        for (String place : List.of("stage 2", "stage tw", "second st")) {
            assertThat(words.index().suggest(place, 4))
                    .as(place)
                    .extracting(Suggestion::id)
                    .hasSize(4)
                    .allSatisfy(id -> assertThat(id).contains("stage-2-"));
        }
        // Numbers alone are no completion of the words typed with them, though nothing has them all.
        for (String typed : List.of("second opinion", "two tower", "2nd opinion")) {
            assertThat(words.index().suggest(typed, 5))
                    .as(typed)
                    .extracting(Suggestion::id)
                    .noneMatch(id -> id.contains("stage-"));
        }
        // A stage with its roadmap's name before its place.
        Map.of(
                        "mlops stage tw", "mlops-stage-2-pipelines",
                        "mlops stage 2", "mlops-stage-2-pipelines",
                        "data scientist stage 2", "ds-stage-2-statistics-experimentation",
                        "llm engineer sec", "llm-stage-2-embeddings-rag",
                        // by the roadmap's aliases
                        "ds stage 2", "ds-stage-2-statistics-experimentation",
                        "ml engineer roadmap stage 2", "stage-2-deep-learning",
                        // and without the word "roadmap" (MLOps's stages came first, its aliases having the words)
                        "ml engineer stage 1", "stage-1-core-ml",
                        "ml engineer stage tw", "stage-2-deep-learning")
                .forEach((typed, first) -> assertThat(words.index().suggest(typed, 4))
                        .as(typed)
                        .extracting(Suggestion::id)
                        .first()
                        .isEqualTo(first));
        // Only common words: the names with most of them, as search lists them, not one with "for" and "memory".
        for (String question : List.of("is this for me", "who is it for")) {
            assertThat(words.index().suggest(question, 5))
                    .as(question)
                    .extracting(Suggestion::id)
                    .containsExactlyInAnyOrder("faq-who-is-this-for", "faq-llm-who-is-this-for");
        }
        // An English word is not split into a common word and a start of ours (weeks is not we|eks).
        for (String word : List.of("weeks", "notable", "someone")) {
            assertThat(words.index().suggest(word, 5)).as(word).isEmpty();
        }
        // A word being typed with a typo is not split into a common word and the start of another (forres is forest
        // mistyped, not for and res...).
        for (String typed : List.of("forres", "random forres")) {
            assertThat(words.index().suggest(typed, 5))
                    .as(typed)
                    .extracting(Suggestion::id)
                    .first()
                    .isEqualTo("decision-trees-gradient-boosting");
        }
        // An English word the graph lacks completes to nothing, as it matches nothing (turing is no fine-tuning).
        assertThat(words.index().suggest("turing", 5)).isEmpty();
    }

    @Test
    void amongHitsWithAsManyWordsTheOneWithTheRarerComesFirst() {
        // No hit has both words; Model Compression has the one that few hits have (its alias "pruning"), the LLM
        // names the one that most have: the rarer word tells more (it was 8th).
        for (Projection projection : List.of(words, meaning)) {
            assertThat(ids(projection, "pruning llm")).first().isEqualTo("model-compression");
        }
    }

    @Test
    void aWordNoNodeHasLeavesWhatTheOtherWordsName() {
        // A word no node has in any spelling is the learner's own: the node the other words name comes first, not the
        // names that have them among others (Docker and Kubernetes; Hugging Face Transformers).
        for (Projection projection : List.of(words, meaning)) {
            assertThat(ids(projection, "kubernetes for my grandma")).first().isEqualTo("kubernetes");
            assertThat(ids(projection, "what should my mentee learn before transformers"))
                    .first()
                    .isEqualTo("transformer-architecture");
        }
    }

    @Test
    void aHitWithMostOfTheWordsIsNotPassedByNeighboursInMeaning() {
        // Three of four words in the name, aliases or summary: found by the learner's words; meaning fuses after.
        assertThat(ids(meaning, "let the llm call my functions")).first().isEqualTo("llm-tool-calling");
        assertThat(ids(meaning, "make the llm give json")).first().isEqualTo("llm-structured-outputs");
        assertThat(ids(meaning, "f1score")).first().isEqualTo("ds-model-evaluation-validation");
        assertThat(ids(meaning, "atention mechanism").subList(0, 3)).contains("attention-is-all-you-need");
    }

    @Test
    void aLetterJoinedToAWordAsTheTextsHyphenateItIsFound() {
        // The graph writes k-fold, p-value and top-k; learners type them joined. One letter alone is no part
        // otherwise: kmodel names nothing.
        for (Projection projection : List.of(words, meaning)) {
            assertThat(ids(projection, "kfold")).first().isEqualTo("ds-model-evaluation-validation");
            assertThat(ids(projection, "pvalue")).first().isEqualTo("hypothesis-testing-ab-testing");
            assertThat(search(projection, "topk sampling").hits()).first().satisfies(hit -> {
                assertThat(hit.id()).isEqualTo("llm-sampling-decoding");
                assertThat(hit.missing()).isNullOrEmpty();
            });
        }
        assertThat(search(words, "kmodel").hits()).isEmpty();
    }

    @Test
    void aWholeNameOrAliasIsAllItsWordsStopWordsTooThoughTheQuerysOwnMayBeLeftOut() {
        for (Projection projection : List.of(words, meaning)) {
            // "do I need ML" is an FAQ's alias: typing ml is not typing the whole of it.
            assertThat(ids(projection, "ml").subList(0, 3))
                    .doesNotContain("faq-mlops-need-ml", "faq-llm-ml-background");
            // Typed with its stop words, an alias wins outright; the query's own stop words may be left out.
            assertThat(ids(projection, "what is mlops")).first().isEqualTo("mlops-principles");
            assertThat(ids(projection, "what is pandas")).first().isEqualTo("pandas");
            // A typo whose stem is the name's (kubernets) still finds the exact name by its closest spelling.
            assertThat(ids(projection, "kubernets")).first().isEqualTo("kubernetes");
            // Typed whole, stop words too, the FAQ beats the roadmap that its other words name.
            assertThat(ids(projection, "Who is the AI/LLM Engineer roadmap for?"))
                    .first()
                    .isEqualTo("faq-llm-who-is-this-for");
        }
        assertThat(words.index().suggest("ml", 6)).extracting(Suggestion::name).allSatisfy(name -> assertThat(name)
                .startsWith("ML "));
    }

    @Test
    void completionsFollowWordsReadThenNameBeforeAliasThenExactness() {
        // Meilisearch's order: the words typed first ("The Linux Command Line" reads both of the linux), then the
        // name before an alias (Feast is named so; ML Pipeline Design has the alias), then a whole value.
        assertThat(words.index().suggest("the linux", 2))
                .extracting(Suggestion::id)
                .first()
                .isEqualTo("the-linux-command-line-book");
        // Every word read comes before where they stand: the question that reads all of do i need a p (its PhD comes
        // four words later), not a name starting with p that reads one.
        assertThat(words.index().suggest("do i need a p", 5))
                .extracting(Suggestion::id)
                .first()
                .isEqualTo("faq-degree");
        for (String typed : List.of("feature st", "feature store", "feature stores")) {
            assertThat(words.index().suggest(typed, 2))
                    .extracting(Suggestion::name)
                    .as(typed)
                    .first()
                    .isEqualTo("Feature Stores (Feast)");
        }
        assertThat(words.index().suggest("mlops", 5))
                .extracting(Suggestion::name)
                .allSatisfy(name -> assertThat(name).containsIgnoringCase("mlops"));
        // A word before the last is a whole word first (ml is "ML", not the start of "MLOps"), and a whole alias
        // typed comes before a name that only has it inside (the FAQs that mention ML engineers).
        assertThat(words.index().suggest("ml engineer", 3))
                .extracting(Suggestion::id)
                .first()
                .isEqualTo("machine-learning-engineer");
        // When nothing has every word, the words that name something are kept first.
        assertThat(words.index().suggest("intro to docker", 3))
                .extracting(Suggestion::id)
                .first()
                .isEqualTo("docker");
    }

    @Test
    void aHitFoundByMeaningAloneShowsNoWordAndFacetsAgreeWithFilters() {
        for (String text : List.of("svm", "c++", "vector db", "gbm", "learn", "how do I make my model smaller")) {
            SearchResult all = search(meaning, text);
            assertThat(all.hits()).allSatisfy(hit -> {
                if (hit.highlights().isEmpty()) {
                    assertThat(hit.similarity()).as(text + " -> " + hit.id()).isNotNull();
                } else {
                    assertThat(String.join(" ", hit.highlights().values())).contains("<mark>");
                }
            });
            for (SearchResult.FacetCount kind : all.facets().kind()) {
                SearchResult filtered = meaning.index()
                        .search(new SearchQuery(
                                text, Optional.of(Kind.fromKey(kind.value()).orElseThrow()), Optional.empty(), 100, 0));
                assertThat(filtered.total()).as(text + " kind=" + kind.value()).isEqualTo(kind.count());
            }
        }
    }

    @Test
    void aFilterNarrowsTheSameAnswerItsFacetsUnchanged() {
        for (String text : List.of("tokenizer", "cloud", "monitoring drift", "python", "regression", "learn")) {
            SearchResult whole =
                    meaning.index().search(new SearchQuery(text, Optional.empty(), Optional.empty(), 100, 0));
            for (Kind kind : List.of(Kind.TOOL, Kind.TOPIC, Kind.RESOURCE)) {
                SearchResult narrowed =
                        meaning.index().search(new SearchQuery(text, Optional.of(kind), Optional.empty(), 100, 0));
                assertThat(narrowed.facets()).as("%s, kind %s", text, kind).isEqualTo(whole.facets());
                if (whole.total() <= 100) { // every hit of the whole answer is on its page
                    assertThat(narrowed.hits())
                            .extracting(SearchResult.Hit::id)
                            .as("%s, kind %s", text, kind)
                            .isSubsetOf(whole.hits().stream()
                                    .map(SearchResult.Hit::id)
                                    .toList());
                }
            }
        }
    }

    @Test
    void beyondAThousandMatchesTheTotalIsALowerBoundAndFacetsAreEstimates() throws Exception {
        List<IndexedNode> widgets = new java.util.ArrayList<>();
        // Large enough for two-phase ranking (smaller indexes count every match exactly).
        for (int i = 0; i < LexicalRanking.SCORED_WHOLE + 1_200; i++) {
            widgets.add(
                    i % 3 == 0
                            ? tool("widget-tool-" + i, "Widget tool " + i, "A widget")
                            : topic("widget-" + i, "Widget " + i, "A widget"));
        }
        SearchIndex index = SearchIndex.build(widgets, new SynonymMap.Builder().build());
        SearchResult many = index.search(query("widget"));
        assertThat(many.total()).isEqualTo(LexicalRanking.EXACT_COUNT_UP_TO);
        assertThat(many.totalRelation()).isEqualTo("gte");
        assertThat(many.facets().estimated()).isTrue();
        long tools = many.facets().kind().stream()
                .filter(f -> f.value().equals("tool"))
                .findFirst()
                .orElseThrow()
                .count();
        // a third of them, estimated from a sample
        assertThat(tools)
                .isBetween(
                        (LexicalRanking.SCORED_WHOLE + 1_200) / 3 - 500L,
                        (LexicalRanking.SCORED_WHOLE + 1_200) / 3 + 500L);
        // Counted in the first pass without filters, in a pass of their own with one: the same sample either way.
        SearchResult onlyTools = index.search(new SearchQuery(
                "widget", Optional.of(Kind.TOOL), Optional.empty(), Optional.empty(), Optional.empty(), 10, 0));
        assertThat(onlyTools.facets()).isEqualTo(many.facets());
        assertThat(onlyTools.hits()).allSatisfy(hit -> assertThat(hit.kind()).isEqualTo("tool"));
        SearchResult few = index.search(query("7"));
        assertThat(few.totalRelation()).isNull();
        assertThat(few.facets().estimated()).isNull();
        assertThat(few.facets())
                .isEqualTo(index.search(new SearchQuery(
                                "7",
                                Optional.of(Kind.TOOL),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                10,
                                0))
                        .facets());
    }

    @Test
    void aFacetListsTheHundredValuesWithTheMostMatchesAndSaysHowManyItLeftOut() throws Exception {
        // 130 stages: stage i has (i % 7) + 1 widgets, so the counts tie in groups and the cut falls inside a tie.
        List<IndexedNode> widgets = new java.util.ArrayList<>();
        int stages = FacetCounter.MAX_VALUES + 30;
        for (int s = 0; s < stages; s++) {
            StageRef stage = new StageRef("stage-%03d".formatted(s), "Stage " + s, s);
            for (int w = 0; w <= s % 7; w++) {
                widgets.add(new IndexedNode(
                        node("widget-%d-%d".formatted(s, w), Kind.TOPIC, "Widget %d %d".formatted(s, w), "A widget"),
                        stage,
                        List.of(),
                        1));
            }
        }
        SearchIndex index = SearchIndex.build(widgets, new SynonymMap.Builder().build());
        SearchResult.Facets facets = index.search(query("widget")).facets();

        assertThat(facets.stage()).hasSize(FacetCounter.MAX_VALUES);
        assertThat(facets.moreValues()).isEqualTo(Map.of("stage", 30));
        // The largest counts are kept: every stage with 7 down to 3 widgets (3 x 18 + 2 x 19 = 92) and the first 8 of
        // the
        // 19 with 2 (ties in the facet's order); listed in the facet's usual order (stage order).
        Map<Long, Long> keptByCount = facets.stage().stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        SearchResult.FacetCount::count, java.util.stream.Collectors.counting()));
        assertThat(keptByCount).doesNotContainKey(1L);
        assertThat(keptByCount.get(2L)).isEqualTo(8L);
        assertThat(facets.stage())
                .extracting(SearchResult.FacetCount::value)
                .isSorted()
                .contains("stage-001", "stage-050", "stage-002", "stage-128")
                .doesNotContain("stage-000", "stage-057", "stage-127");
        assertThat(facets.kind())
                .singleElement()
                .extracting(SearchResult.FacetCount::count)
                .isEqualTo((long) widgets.size());
        // Fewer values than the cap: all of them, nothing said.
        SearchResult.Facets few = index.search(query("12")).facets();
        assertThat(few.stage()).isNotEmpty();
        assertThat(few.moreValues()).isNull();
    }

    private static SearchQuery query(String text) {
        return new SearchQuery(text, Optional.empty(), Optional.empty(), 10, 0);
    }

    private static IndexedNode topic(String id, String name, String summary) {
        return new IndexedNode(node(id, Kind.TOPIC, name, summary), null, List.of(), 1);
    }

    private static IndexedNode tool(String id, String name, String summary) {
        return new IndexedNode(node(id, Kind.TOOL, name, summary), null, List.of(), 1);
    }
}
