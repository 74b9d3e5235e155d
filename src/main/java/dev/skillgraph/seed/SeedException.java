package dev.skillgraph.seed;

import dev.skillgraph.error.SkillGraphException;
import java.util.List;
import java.util.stream.Collectors;

/** A seed that was refused before anything was written, with every problem found in it. */
public final class SeedException extends SkillGraphException {

    /** Problems spelled out in the message (and the log); all of them stay in {@link #problems()}. */
    private static final int SHOWN = 50;

    private final List<SeedProblem> problems;

    public SeedException(List<SeedProblem> problems) {
        super(Reason.INVALID_SEED, summary(problems), null, null);
        this.problems = List.copyOf(problems);
    }

    public List<SeedProblem> problems() {
        return problems;
    }

    private static String summary(List<SeedProblem> problems) {
        return "seed rejected, nothing was written; " + problems.size()
                + (problems.size() == 1 ? " problem:" : " problems:")
                + problems.stream().limit(SHOWN).map(p -> "\n  - " + p).collect(Collectors.joining())
                + (problems.size() > SHOWN ? "\n  ... and " + (problems.size() - SHOWN) + " more" : "");
    }
}
