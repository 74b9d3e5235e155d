package dev.skillgraph.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillgraph.domain.NodeRef;
import dev.skillgraph.domain.SeedGraph;
import dev.skillgraph.graph.GraphData;
import dev.skillgraph.graph.GraphState;
import dev.skillgraph.projection.Projection;
import dev.skillgraph.seed.SeedLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Learning-path questions typed into the search box: the grammar that tells the asking words from the subject, and the
 * search that answers one by the subject's words when they name a node (on the seed graph, words only).
 */
class LearningQuestionTest {

    private static Projection seed;

    @BeforeAll
    static void build() {
        SeedGraph graph = new SeedLoader().load(Path.of("graph-seed"));
        seed = Projection.build(
                new GraphData(
                        graph.nodes(), graph.edges(), new GraphState(Optional.empty(), Optional.empty(), 0, 0, "")),
                Synonyms.load(Path.of("graph-seed/synonyms.txt")));
    }

    private static Optional<LearningQuestion> parsed(String text) {
        return LearningQuestion.of(Arrays.asList(text.split(" ")));
    }

    /** The ids of the nodes {@code question} is about. */
    private static List<String> about(SearchResult.Question question) {
        return question.about().stream().map(NodeRef::id).toList();
    }

    private static SearchResult search(String text) {
        return seed.index().search(new SearchQuery(text, Optional.empty(), Optional.empty(), 10, 0));
    }

    @Test
    void asksForPrerequisitesWithACueBeforeOrAfterTheSubject() {
        for (String text : List.of(
                "what must i learn before transformers",
                "what should i know before learning transformers first",
                "prerequisites for transformers",
                "the prerequisites of transformers",
                "transformers prerequisites",
                "what do i need for transformers",
                "learning path to transformers",
                "what does transformers require",
                "what is needed prior to transformers please",
                "prerequisites transformers",
                "transformers what should i learn before",
                "hi what should i learn before transformers thanks",
                // One typo in an asking word of four letters or more.
                "what must i lern before transformers",
                "what shuold i learn before transformers",
                "prereq for transformers",
                "what should i learn befor transformers",
                "waht shoud i lern befor transformers",
                "what must my student learn before transformers",
                "what should i learn first for transformers",
                "what do i need to know to use transformers",
                "what is transformers built on",
                "transformers prerequisites please")) {
            assertThat(parsed(text))
                    .as(text)
                    .contains(new LearningQuestion(LearningQuestion.Asks.LEARNING_PATH, List.of("transformers")));
        }
    }

    @Test
    void asksWhatTheSubjectUnlocks() {
        for (String text : List.of(
                "what comes after linear regression",
                "what can i learn next after linear regression",
                "what does linear regression unlock",
                "what needs linear regression",
                "what builds on linear regression",
                "linear regression unlocks",
                "waht comes after linear regression",
                "next steps after linear regression",
                "where do i go after linear regression",
                "after linear regression what next",
                "linear regression what comes after",
                "what does a linear regression unlock",
                "which topics need linear regression",
                "what topics depend on linear regression",
                "what is built on linear regression",
                "what is built on top of linear regression",
                "what builds on top of linear regression",
                "what lies beyond linear regression",
                "beyond linear regression what should i learn")) {
            assertThat(parsed(text))
                    .as(text)
                    .contains(new LearningQuestion(LearningQuestion.Asks.UNLOCKS, List.of("linear", "regression")));
        }
    }

    @Test
    void whatTheLearnerKnowsIsAClauseOfItsOwn() {
        assertThat(parsed("what must i learn before transformers if i already know python and numpy"))
                .contains(new LearningQuestion(
                        LearningQuestion.Asks.LEARNING_PATH,
                        List.of("transformers"),
                        List.of(List.of("python"), List.of("numpy"))));
        SearchResult answer = search("What should I learn before transformers, given that I know Python and NumPy?");
        assertThat(answer.question().id()).isEqualTo("transformer-architecture");
        assertThat(answer.question().known()).containsExactly("python", "numpy");
        assertThat(answer.notice()).contains("knowing Python Programming");
        // What the learner knows must name nodes, or the plan would hold what they know: searched as typed.
        assertThat(search("prerequisites for rag if i know the kitchen").question())
                .isNull();
    }

    @Test
    void whatTheLearnerKnowsMayComeFirst() {
        assertThat(parsed("i already know python and numpy what must i learn before transformers"))
                .contains(new LearningQuestion(
                        LearningQuestion.Asks.LEARNING_PATH,
                        List.of("transformers"),
                        List.of(List.of("python"), List.of("numpy"))));
        // With no more asked than "what next": what can be learned next.
        for (String text : List.of(
                "i know sql what next",
                "i learned sql now what",
                "i've learnt sql what should i learn next",
                "knowing sql what can i learn",
                "having learned sql what now",
                "what can i learn next if i know sql",
                "what should i study now that i know sql")) {
            assertThat(parsed(text))
                    .as(text)
                    .contains(new LearningQuestion(LearningQuestion.Asks.NEXT, List.of(), List.of(List.of("sql"))));
        }
        SearchResult next = search("I know SQL and pandas, what next?");
        assertThat(next.question())
                .extracting(SearchResult.Question::asks, SearchResult.Question::known, LearningQuestionTest::about)
                .containsExactly(
                        "next", List.of("sql-data-manipulation", "pandas"), List.of("sql-data-manipulation", "pandas"));
        assertThat(next.notice()).contains("what can I learn next, knowing SQL and Data Manipulation, pandas");
        // Who knows: a mentor's student, a pronoun; the clause may open with a condition; a question on its own.
        for (String text : List.of(
                "My student already knows python. What should she learn next?",
                "my mentee has learned python, what should i teach next",
                "given i know python, what can i learn next?",
                "ive learned python, what should i learn next",
                "i finished python, whats next")) {
            assertThat(search(text).question())
                    .as(text)
                    .extracting(SearchResult.Question::asks, SearchResult.Question::known)
                    .containsExactly("next", List.of("python"));
        }
        assertThat(search("I know python; prerequisites for llm agents?").question())
                .extracting(SearchResult.Question::id, SearchResult.Question::known)
                .containsExactly("llm-agents", List.of("python"));
        // A list with commas is a list: not one phrase whose every word is in a stage's name.
        assertThat(search("I know python, sql and statistics, what can I learn now?")
                        .question()
                        .known())
                .containsExactly("python", "sql-data-manipulation", "statistics-probability");
        // After the question without "if": ", knowing X", "(I know X)", "? I already know X".
        for (String text : List.of(
                "prerequisites for transformers, knowing python",
                "prerequisites for transformers (I know python)",
                "what must I learn before transformers? I already know python")) {
            assertThat(search(text).question())
                    .as(text)
                    .extracting(SearchResult.Question::id, SearchResult.Question::known)
                    .containsExactly("transformer-architecture", List.of("python"));
        }
        // A greeting and a comma before the question; a preposition before the subject.
        assertThat(search("hey, what must I learn before mlops").question()).isNotNull();
        assertThat(search("what must I learn before learning about text embeddings")
                        .notice())
                .endsWith("its words: text embeddings");
        assertThat(search("what do I need to know to learn pytorch").question().id())
                .isEqualTo("pytorch");
        // Knowing something and asking something else is no learning-path question.
        for (String text : List.of(
                "i know what a transformer is",
                "i know python what is pandas",
                "i know",
                "what can i learn next if i know the kitchen")) {
            assertThat(search(text).question()).as(text).isNull();
        }
    }

    @Test
    void whatTheLearnerKnowsMayBeAllTheTextSays() {
        // Said alone, of a learner or of someone: what can be learned next, knowing it.
        for (String text : List.of(
                "I'm comfortable with Python",
                "i am very familiar with python",
                "I have experience with python",
                "my student is good at python",
                "I already know Python",
                "what next for someone who knows python",
                "what should I learn next for someone who already knows python")) {
            assertThat(search(text).question())
                    .as(text)
                    .extracting(SearchResult.Question::asks, SearchResult.Question::known)
                    .containsExactly("next", List.of("python"));
        }
        // What follows a contrast is not known; a denied verb knows nothing (helper-47: both had joined known=).
        for (String text : List.of(
                "I know python, but not sql, what next?",
                "I know python but not statistics; what next",
                "i know python and not sql what should i learn next",
                "I've got python down, what now?",
                "I've mastered python",
                "I know a little python")) {
            assertThat(search(text).question())
                    .as(text)
                    .extracting(SearchResult.Question::asks, SearchResult.Question::known)
                    .containsExactly("next", List.of("python"));
        }
        assertThat(search("I know sql but not python, what next?").question().known())
                .containsExactly("sql-data-manipulation");
        for (String text : List.of(
                "what must I learn before transformers if I don't know python",
                "I have never used python, what must I learn before transformers")) {
            assertThat(search(text).question())
                    .as(text)
                    .extracting(SearchResult.Question::id, SearchResult.Question::known)
                    .containsExactly("transformer-architecture", null);
        }
        // What the learner knows names a node by words of its name only when no other name has them: a plan takes it
        // and all it requires as known (helper-47: "the basics" was NLP Basics and Text Analytics).
        for (String text :
                List.of("I know the basics, what next?", "I'm comfortable with the fundamentals, what next?")) {
            assertThat(search(text).question()).as(text).isNull();
        }
        // Names listed without "and" are a list, not the stage whose name has them all.
        assertThat(search("I know python sql, what next?").question().known())
                .containsExactly("python", "sql-data-manipulation");
        assertThat(search("I know pandas numpy scikit-learn, what next?")
                        .question()
                        .known())
                .containsExactly("pandas", "numpy", "scikit-learn");
        // A denied thing in a list of known things is not known (helper-48).
        assertThat(search(
                                "she knows python and doesn't know statistics. what should she learn before linear regression?")
                        .question()
                        .known())
                .containsExactly("python");
        for (String text : List.of(
                "I know python and I don't know sql, what next?",
                "my student knows python and has never used sql, what next?",
                "I know python and haven't learned sql. what next?")) {
            assertThat(search(text).question().known()).as(text).containsExactly("python");
        }
        assertThat(search("I know neither python nor sql. what must I learn before feature engineering?")
                        .question())
                .extracting(SearchResult.Question::known)
                .isNull();
        // An alias of several nodes names none as what is known, unless it is one's name (helper-48: "data leakage").
        assertThat(search("my student understands data leakage. what must she learn before llm agents?")
                        .question())
                .isNull();
        // A learner in a relative clause; a statement of knowing not read is never left out of the question.
        assertThat(search("for a student who knows python, what must he learn before rag")
                        .question()
                        .known())
                .containsExactly("python");
        // ... after words of the speaker's own, as an assistant or a tutor introduces themselves.
        for (String text : List.of(
                "I'm an AI assistant helping a learner who already knows Python and SQL. What are the prerequisites"
                        + " for model serving?",
                "I tutor a student that has learned python and sql; what must she learn before model serving")) {
            assertThat(search(text).question())
                    .as(text)
                    .extracting(SearchResult.Question::id, SearchResult.Question::known)
                    .containsExactly("model-serving", List.of("python", "sql-data-manipulation"));
        }
        // As an assistant says it of the one it helps.
        assertThat(search("the user already knows python and sql. What are the prerequisites for model serving?")
                        .question())
                .extracting(SearchResult.Question::id, SearchResult.Question::known)
                .containsExactly("model-serving", List.of("python", "sql-data-manipulation"));
        assertThat(search("my client knows python, what next?").question())
                .extracting(SearchResult.Question::asks)
                .isEqualTo("next");
        // A tool and the topic that uses it share an alias: the tool is known, whose prerequisites are the fewer.
        for (String text : List.of("I know airflow, what next?", "I know sagemaker, what next?")) {
            assertThat(search(text).question())
                    .as(text)
                    .extracting(SearchResult.Question::known)
                    .isEqualTo(List.of(text.contains("airflow") ? "airflow" : "sagemaker"));
        }
        // The goal named as what is known, by the same words: its learning path, which has nothing to learn.
        assertThat(search("I know rag. What must I learn before rag?").question())
                .extracting(SearchResult.Question::id, SearchResult.Question::known)
                .containsExactly("retrieval-augmented-generation", List.of("retrieval-augmented-generation"));
        assertThat(search("I tutor a kid who knows python. What next?").question())
                .extracting(SearchResult.Question::asks, SearchResult.Question::known)
                .containsExactly("next", List.of("python"));
        // Not when the words before deny: the question stands as typed.
        assertThat(search("I'm not helping a learner who knows sql. What must I learn before model serving?")
                        .question())
                .isNull();
        for (String text : List.of(
                "I allready know python. what must I learn before rag?",
                "I've been using python for years. What must I learn before rag?")) {
            assertThat(search(text).question()).as(text).isNull();
        }
        // After a question of what next, as after any other.
        for (String text : List.of(
                "what can i learn next knowing python",
                "what next knowing python",
                "what should I learn next (I know python)")) {
            assertThat(search(text).question())
                    .as(text)
                    .extracting(SearchResult.Question::asks, SearchResult.Question::known)
                    .containsExactly("next", List.of("python"));
        }
        assertThat(search("what can i learn next knowing python, numpy and pandas")
                        .question()
                        .known())
                .containsExactly("python", "numpy", "pandas");
        // Knowing what names no node, or knowing a question, is no learning-path question.
        for (String text : List.of(
                "i'm comfortable with the kitchen", "i know how transformers work", "i am good", "someone who knows")) {
            assertThat(search(text).question()).as(text).isNull();
        }
    }

    @Test
    void whatNextAloneAsksTheNextStepsOfWhatTheRequestKnows() {
        for (String text : List.of(
                "what next",
                "What's next?",
                "now what",
                "what should I learn next?",
                "next?",
                "what's next for me?",
                "what's a good next step?",
                "What do you recommend next?",
                // Where the learner stands, said as "now" says it.
                "where do I go from here?",
                "where should she go from here",
                "what should I learn after that?",
                "what comes after this")) {
            SearchResult answer = search(text);
            assertThat(answer.question())
                    .as(text)
                    .extracting(SearchResult.Question::asks, SearchResult.Question::id, SearchResult.Question::about)
                    .containsExactly("next", null, List.of());
            assertThat(answer.notice()).as(text).startsWith(QuestionSubjects.NEXT_ALONE);
        }
        // No word of a next step, or words that name something: no such question.
        for (String text : List.of(
                "what can i learn",
                "what else",
                "next token prediction",
                "what next for the kitchen",
                "from here",
                "what comes after that kitchen",
                "where do i go from here to the kitchen")) {
            assertThat(search(text).question()).as(text).isNull();
        }
    }

    @Test
    void whereTheLearnerStandsAfterWhatTheyKnowAsksWhatNext() {
        for (String text : List.of(
                "I know python, where do I go from here?", "I've learned sql. What should I learn after that?")) {
            assertThat(search(text).question())
                    .as(text)
                    .extracting(SearchResult.Question::asks)
                    .isEqualTo("next");
        }
    }

    @Test
    void aGoalTheLearnerWantsIsItsLearningPath() {
        for (String text : List.of(
                "I want to learn rag. What do I need first?",
                "where do I start if I want to learn rag",
                "i wanna learn rag, how should i begin",
                "I'd like to understand RAG")) {
            assertThat(search(text).question())
                    .as(text)
                    .isNotNull()
                    .extracting(SearchResult.Question::asks, SearchResult.Question::id)
                    .containsExactly("learning-path", "retrieval-augmented-generation");
        }
        assertThat(search("I want to become a data scientist, where do I start?")
                        .question()
                        .id())
                .isEqualTo("data-scientist");
        for (String text : List.of("i want to learn", "i want to learn the kitchen", "tools i want to learn")) {
            assertThat(search(text).question()).as(text).isNull();
        }
        // To be one is a career's or roadmap's learning path, as to become one is.
        for (String text : List.of(
                "I want to be a data scientist",
                "how to be a data scientist",
                "where do I start if I want to be a data scientist?")) {
            assertThat(search(text).question())
                    .as(text)
                    .extracting(SearchResult.Question::id)
                    .isEqualTo("data-scientist");
        }
        for (String text : List.of("i want to be able to deploy models", "how to be a good python programmer")) {
            assertThat(search(text).question()).as(text).isNull();
        }
    }

    @Test
    void whatSeveralThingsUnlockIsWhatCanBeLearnedNextKnowingThem() {
        for (String text : List.of("what comes after python and sql", "what does numpy and pandas unlock")) {
            assertThat(search(text).question())
                    .as(text)
                    .extracting(SearchResult.Question::asks)
                    .isEqualTo("next");
        }
        assertThat(search("what comes after python and sql").question().known())
                .containsExactly("python", "sql-data-manipulation");
        // One name with "and" in it is one node.
        assertThat(search("what comes after linear algebra and calculus").question())
                .extracting(SearchResult.Question::asks, SearchResult.Question::id)
                .containsExactly("unlocks", "linear-algebra-calculus");
    }

    @Test
    void goalsJoinedByOrAreGoalsEach() {
        assertThat(about(search("what must I learn before rag or agents").question()))
                .containsExactly("retrieval-augmented-generation", "llm-agents");
    }

    @Test
    void aQuestionMayBeOneClauseOfTheText() {
        // A preamble before it, thanks after it (helper-47: the question, and sometimes its subject, were lost).
        for (String text : List.of(
                "As a beginner, what must I learn before rag",
                "Quick question: what must I learn before rag?",
                "I'm new to ML. What do I need before rag?",
                "what must I learn before rag, thank you!",
                "what must I learn before rag? Thanks in advance")) {
            assertThat(search(text).question())
                    .as(text)
                    .extracting(SearchResult.Question::asks, SearchResult.Question::id)
                    .containsExactly("learning-path", "retrieval-augmented-generation");
        }
        // Clauses left out at both ends.
        assertThat(search("Hi! I know sql. What must I learn before rag? Thanks a lot!")
                        .question())
                .extracting(SearchResult.Question::id, SearchResult.Question::known)
                .containsExactly("retrieval-augmented-generation", List.of("sql-data-manipulation"));
        assertThat(search("As a data analyst, how do I become an ml engineer")
                        .question()
                        .id())
                .isEqualTo("machine-learning-engineer");
        // A clause left out may not ask a question of its own.
        for (String text : List.of("i know python, what is pandas", "what is rag, and what comes before it?")) {
            assertThat(search(text).question()).as(text).isNull();
        }
    }

    @Test
    void aPathToAGoalIsItsLearningPath() {
        // A career's or a roadmap's.
        assertThat(search("what's the path to ml engineer").question().id()).isEqualTo("machine-learning-engineer");
        assertThat(search("what is the path to becoming a data scientist?")
                        .question()
                        .id())
                .isEqualTo("data-scientist");
        assertThat(search("What is the learning path to LLM agents?").question().id())
                .isEqualTo("llm-agents");
        assertThat(parsed("what is linear regression built on top of"))
                .contains(new LearningQuestion(LearningQuestion.Asks.LEARNING_PATH, List.of("linear", "regression")));
        // Only with a question word, and only when it names a node.
        for (String text : List.of(
                "path to production",
                "what is the path to production",
                "what's the path to python",
                "what is the path to the jupyter notebook")) {
            assertThat(search(text).question()).as(text).isNull();
        }
    }

    @Test
    void aWayFromOneToAnotherIsTheLearningPathKnowingTheFirst() {
        for (String text : List.of(
                "how do i get from python to transformers",
                "path from python to transformers",
                "learning path from python to the transformers",
                "what is the roadmap from python to transformers please",
                "from python to transformers what is the path",
                "from python to transformers how do i get there")) {
            assertThat(parsed(text))
                    .as(text)
                    .contains(new LearningQuestion(
                            LearningQuestion.Asks.LEARNING_PATH, List.of("transformers"), List.of(List.of("python"))));
        }
        assertThat(search("From Python to transformers, what's the path?").question())
                .extracting(SearchResult.Question::id, SearchResult.Question::known)
                .containsExactly("transformer-architecture", List.of("python"));
        SearchResult career = search("how to switch from data analyst to ml engineer");
        assertThat(career.question())
                .extracting(SearchResult.Question::id, SearchResult.Question::known)
                .containsExactly("machine-learning-engineer", List.of("data-analyst"));
        assertThat(search("my student wants to get from pandas to time series forecasting")
                        .question())
                .extracting(SearchResult.Question::id, SearchResult.Question::known)
                .containsExactly("time-series-analysis", List.of("pandas"));
        // "from" and "to" in what is sought, or no asking words before them, or one node named twice.
        for (String text : List.of(
                "from zero to hero",
                "how to get data from sql to pandas",
                "how to convert from pytorch to onnx",
                "tools from google to deploy models",
                "how to go from csv to parquet",
                "how to get from a numpy array to a tensor",
                "path from")) {
            assertThat(search(text).question()).as(text).isNull();
        }
    }

    @Test
    void aLearningPathMayHaveSeveralGoals() {
        SearchResult answer = search("what must I learn before transformers and rag");
        assertThat(answer.question())
                .extracting(SearchResult.Question::id, LearningQuestionTest::about)
                .containsExactly(
                        "transformer-architecture",
                        List.of("transformer-architecture", "retrieval-augmented-generation"));
        assertThat(answer.notice())
                .contains("what must I learn before The Transformer Architecture and before Retrieval-Augmented");
        // A name with "and" in it is one goal; so is a part that names no node of its own.
        assertThat(search("what should i learn before time series analysis and forecasting")
                        .question())
                .extracting(SearchResult.Question::id, LearningQuestionTest::about)
                .containsExactly("time-series-analysis", List.of("time-series-analysis"));
        // Commas and an ampersand list goals too; a goal named twice is one goal.
        assertThat(search("prereqs for pca, cnns & rnns").question())
                .extracting(LearningQuestionTest::about)
                .isEqualTo(List.of(
                        "dimensionality-reduction", "convolutional-neural-networks", "recurrent-neural-networks"));
        assertThat(search("what must I learn before transformers and transformers")
                        .question())
                .extracting(LearningQuestionTest::about)
                .isEqualTo(List.of("transformer-architecture"));
        // A whole name with "and" or commas in it is one goal, not its parts.
        for (String[] named : new String[][] {
            {"prerequisites for Statistics and Experimentation", "ds-stage-2-statistics-experimentation"},
            {"prerequisites for PyTorch and TensorFlow/Keras", "pytorch-tensorflow-keras"},
            {"what must I learn before Fine-tuning and PEFT (LoRA, QLoRA)", "fine-tuning-peft"}
        }) {
            assertThat(search(named[0]).question())
                    .as(named[0])
                    .extracting(LearningQuestionTest::about)
                    .isEqualTo(List.of(named[1]));
        }
        assertThat(search("prerequisites for docker and the kitchen").question())
                .extracting(SearchResult.Question::id, LearningQuestionTest::about)
                .containsExactly("docker", List.of("docker"));
    }

    @Test
    void aCareerIsBecome() {
        for (String text : List.of(
                "how to become a data scientist",
                "what do i need to become a data scientist",
                "what does the data scientist career need to know")) {
            assertThat(parsed(text))
                    .as(text)
                    .contains(new LearningQuestion(LearningQuestion.Asks.LEARNING_PATH, List.of("data", "scientist")));
        }
    }

    @Test
    void asksNothingWhenTheCueIsPartOfWhatIsSought() {
        // "for" asks only after a word of need; a cue inside the words is no question; nothing left after the verbs.
        for (String text : List.of(
                "tools for deployment",
                "attention is all you need",
                "do i need a phd",
                "an assistant that books my flight by itself step after step",
                "what should i know before i start",
                "prerequisites",
                "before",
                "layer norm before attention",
                // Requirements of a system, a path of a model: no question without a question word.
                "latency requirements",
                "path to production",
                "transformers before",
                "what do i need to know",
                // A consequence, a file, a place, a rule: not what to learn.
                "what does overfitting lead to",
                "what does a dockerfile need",
                "how do i get to the hugging face hub",
                "what are the requirements for the eu ai act")) {
            assertThat(parsed(text)).as(text).isEmpty();
        }
    }

    @Test
    void aQuestionAboutANamedNodeIsSearchedByTheSubjectsWords() {
        SearchResult answer = search("What must I learn before transformers?");
        assertThat(answer.question())
                .isEqualTo(new SearchResult.Question(
                        "learning-path",
                        "transformer-architecture",
                        "The Transformer Architecture",
                        "topic",
                        List.of(new NodeRef("transformer-architecture", "topic", "The Transformer Architecture")),
                        null,
                        null));
        assertThat(answer.hits()).first().extracting(SearchResult.Hit::id).isEqualTo("transformer-architecture");
        // The asking words are no words a hit lacks.
        assertThat(answer.hits()).allSatisfy(hit -> assertThat(hit.missing()).isNull());
        assertThat(answer.notice()).contains("what must I learn before The Transformer Architecture");
        assertThat(answer.query()).isEqualTo("What must I learn before transformers?");

        assertThat(search("what comes after linear regression").question())
                .extracting(SearchResult.Question::asks, SearchResult.Question::id)
                .containsExactly("unlocks", "linear-logistic-regression");
        // By an alias, a tool, a career.
        assertThat(search("prerequisites for rag").question().id()).isEqualTo("retrieval-augmented-generation");
        assertThat(search("what do i need for kubernetes").question().id()).isEqualTo("kubernetes");
        assertThat(search("what does pandas unlock").question().kind()).isEqualTo("tool");
        // A cue is no typo of an asking word ("requires" is one letter from "required").
        assertThat(search("which topics require linear algebra").question())
                .extracting(SearchResult.Question::asks, SearchResult.Question::id)
                .containsExactly("unlocks", "linear-algebra-calculus");
    }

    @Test
    void aMistypedSubjectStillNamesItsNodeAndDidYouMeanKeepsTheQuestion() {
        SearchResult answer = search("prerequisites for transfomers");
        assertThat(answer.question().id()).isEqualTo("transformer-architecture");
        assertThat(answer.didYouMean()).isEqualTo("prerequisites for transformers");
    }

    @Test
    void aSubjectTheSpellingCorrectsNamesItsNode() {
        // Three words, one mistyped: no name as typed, but "did you mean" spells the node's.
        SearchResult answer = search("prerequisites for retreival augmented generation");
        assertThat(answer.question().id()).isEqualTo("retrieval-augmented-generation");
        assertThat(answer.didYouMean()).isEqualTo("prerequisites for retrieval augmented generation");
    }

    @Test
    void aSubjectThatNamesNoNodeOrOnlyAResourceIsSearchedAsTyped() {
        // "start" names nothing: the query as typed, whose answer is the FAQ on prerequisites.
        SearchResult start = search("what should i know before i start");
        assertThat(start.question()).isNull();
        // A learning resource has no learning path: a book named whole is searched as typed.
        assertThat(search("prerequisites for python data science handbook").question())
                .isNull();
        assertThat(search("what comes after kitchen renovation").question()).isNull();
        // A stage has nothing that depends on it: no question of what it unlocks.
        assertThat(search("what comes after stage 2").question()).isNull();
        // A whole alias that reads as a question names its node: an FAQ's.
        assertThat(search("machine learning prerequisites").question()).isNull();
    }

    @Test
    void aNameWithoutItsArticleOrBracketsNamesItsNode() {
        assertThat(search("prerequisites for the transformer architecture")
                        .question()
                        .id())
                .isEqualTo("transformer-architecture");
        assertThat(search("what comes after transformer architecture")
                        .question()
                        .id())
                .isEqualTo("transformer-architecture");
        assertThat(search("prerequisites for retrieval-augmented generation")
                        .question()
                        .id())
                .isEqualTo("retrieval-augmented-generation");
        assertThat(search("how to become an ml engineer").question().kind()).isEqualTo("career");
        // Words of a longer name, one after the other; the article before a lone letter is the letter "a".
        assertThat(search("what do i have to learn before time series forecasting")
                        .question()
                        .id())
                .isEqualTo("time-series-analysis");
        // A stage by its name and the kind word.
        assertThat(parsed("prerequisites for the core ml stage"))
                .contains(new LearningQuestion(LearningQuestion.Asks.LEARNING_PATH, List.of("core", "ml")));
        SearchResult ab = search("what must I learn before A/B testing?");
        assertThat(ab.question().id()).isEqualTo("hypothesis-testing-ab-testing");
        assertThat(ab.notice()).endsWith("its words: a b testing");
    }

    @Test
    void theRequestsFiltersChooseAmongNodesNamedAlike() {
        SearchResult answer = seed.index()
                .search(new SearchQuery(
                        "what must i learn before stage 2",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("mlops-engineer-roadmap"),
                        Optional.empty(),
                        10,
                        0));
        assertThat(answer.question().id()).isEqualTo("mlops-stage-2-pipelines");
        assertThat(answer.notice()).contains("of the MLOps Engineer Roadmap");
    }

    @Test
    void aQuestionBeingTypedCompletesItsSubject() {
        assertThat(seed.index().suggest("prerequisites for transfo", 5))
                .extracting(Suggestion::id)
                .contains("transformer-architecture");
        // Only nodes a learning path can be for: no resource, no FAQ answer.
        assertThat(seed.index().suggest("prereqs for lan", 8))
                .extracting(Suggestion::kind)
                .isNotEmpty()
                .doesNotContain("resource", "faq");
        assertThat(seed.index().suggest("what comes after linear reg", 5))
                .extracting(Suggestion::id)
                .first()
                .isEqualTo("linear-logistic-regression");
        // The part being typed: a second goal, what the learner knows.
        assertThat(seed.index().suggest("what must i learn before transformers and retrieval aug", 5))
                .extracting(Suggestion::id)
                .contains("retrieval-augmented-generation");
        assertThat(seed.index().suggest("what can I learn next if I know nump", 5))
                .extracting(Suggestion::id)
                .contains("numpy");
    }
}
