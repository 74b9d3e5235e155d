package dev.skillgraph.path;

import static dev.skillgraph.domain.Nodes.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skillgraph.domain.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class LooseIdsTest {

    private static final LooseIds IDS = LooseIds.of(List.of(
            node("scikit-learn", Kind.TOOL, "scikit-learn", null),
            node("hugging-face", Kind.TOOL, "Hugging Face", null),
            node("python", Kind.TOPIC, "Python Programming", null),
            node("ml-ops", Kind.TOPIC, "MLOps Basics", null),
            node("mlops", Kind.TOPIC, "MLOps in Practice", null),
            node("data-viz", Kind.TOPIC, "Shared Name", null, List.of("visualisation", "charts and plots")),
            node("charts", Kind.TOPIC, "Shared Name", null, List.of("charts and plots")),
            node("faq-start", Kind.FAQ, "What do I need to know before starting?", null, List.of("sklearn"))));

    @Test
    void caseAndSeparatorsThenSeparatorsLeftOutThenTheWholeName() {
        assertThat(IDS.resolve("Scikit_Learn")).contains("scikit-learn");
        assertThat(IDS.resolve(" scikit learn ")).contains("scikit-learn");
        assertThat(IDS.resolve("scikitlearn")).contains("scikit-learn");
        assertThat(IDS.resolve("HuggingFace")).contains("hugging-face");
        assertThat(IDS.resolve("Python Programming")).contains("python");
        assertThat(IDS.resolve("python_programming")).contains("python");
        assertThat(IDS.resolve("PythonProgramming")).contains("python");
    }

    @Test
    void everyDashIsASeparator() {
        // As rich text pastes them: the Unicode hyphen, the non-breaking hyphen, the en and em dash, the minus sign.
        assertThat(IDS.resolve("scikit\u2010learn")).contains("scikit-learn");
        assertThat(IDS.resolve("scikit\u2011learn")).contains("scikit-learn");
        assertThat(IDS.resolve("hugging\u2013face")).contains("hugging-face");
        assertThat(IDS.resolve("hugging \u2014 face")).contains("hugging-face");
        assertThat(IDS.resolve("ml\u2212ops")).contains("ml-ops");
        assertThat(IDS.resolve("\u201CPython Programming\u201D")).contains("python");
    }

    @Test
    void aNameWithOrWithoutItsPunctuationNamesTheNodeButAnAliasDoesNot() {
        assertThat(IDS.resolve("sklearn")).isEmpty(); // an alias gets a "did you mean" instead
        assertThat(IDS.resolve("Visualisation")).isEmpty();
        assertThat(IDS.resolve("what do i need to know before starting")).contains("faq-start");
        assertThat(IDS.resolve("What do I need to know before starting?")).contains("faq-start");
        assertThat(IDS.resolve("What do I need to know before starting\u2019")).contains("faq-start");
    }

    @Test
    void aSpellingOfAKindIsComparedAmongTheNodesOfThatKind() {
        RoadmapGraph graph = RoadmapGraph.of(
                List.of(
                        node("stage-0", Kind.STAGE, "Prerequisites", null),
                        node("prerequisites-tool", Kind.TOOL, "Prerequisites", null)),
                List.of());
        assertThat(graph.resolve("Prerequisites")).isEmpty(); // two nodes have the name
        assertThat(graph.resolve("Prerequisites", Kind.STAGE)).contains("stage-0");
        assertThat(graph.resolve("prerequisites-tool", Kind.STAGE)).isEmpty();
    }

    @Test
    void aSpellingTwoNodesShareNamesNeitherUnlessAnEarlierTierTellsThemApart() {
        // ml-ops and mlops both leave out to "mlops": each still resolves by case and separators, the joined one to
        // none.
        assertThat(IDS.resolve("ML_Ops")).contains("ml-ops");
        assertThat(IDS.resolve("MLOPS")).contains("mlops");
        assertThat(IDS.resolve("m-l-ops")).isEmpty();
        assertThat(IDS.resolve("Shared Name")).isEmpty();
        assertThat(IDS.resolve("pandas")).isEmpty();
        assertThat(IDS.resolve("-_. ")).isEmpty();
    }
}
