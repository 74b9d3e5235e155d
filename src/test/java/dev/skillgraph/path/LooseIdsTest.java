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
            node("data-viz", Kind.TOPIC, "Shared Name", null),
            node("charts", Kind.TOPIC, "Shared Name", null)));

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
