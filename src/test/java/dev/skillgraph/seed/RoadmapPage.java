package dev.skillgraph.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The roadmap page (a copy of the source text kept in test resources), cut into its parts. */
record RoadmapPage(
        String whoFor,
        String timeCommitment,
        String difficulty,
        String stagesAndResources,
        List<String> prerequisites,
        List<Stage> stages,
        List<String> tools,
        List<String> careers,
        Map<String, String> faqs) {

    record Stage(int order, String name, String weeks, String description, List<String> topics) {}

    static RoadmapPage load() {
        List<String> lines;
        try (InputStream in = RoadmapPage.class.getResourceAsStream("/ml-engineer-roadmap.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Stage> stages = new ArrayList<>();
        int at = lines.indexOf("The Roadmap") + 1;
        int toolsAt = lines.indexOf("Tools & Technologies");
        while (at < toolsAt) {
            int order = Integer.parseInt(lines.get(at));
            int end = at + 4;
            while (end < toolsAt && !lines.get(end).matches("\\d")) {
                end++;
            }
            stages.add(new Stage(
                    order, lines.get(at + 1), lines.get(at + 2), lines.get(at + 3), lines.subList(at + 4, end)));
            at = end;
        }
        int careersAt = lines.indexOf("Career Outcomes");
        int faqAt = lines.indexOf("Frequently Asked Questions");
        Map<String, String> faqs = new LinkedHashMap<>();
        for (int i = faqAt + 1; i + 1 < lines.size(); i += 2) {
            faqs.put(lines.get(i), lines.get(i + 1));
        }
        return new RoadmapPage(
                after(lines, "Who This Is For"),
                after(lines, "Time Commitment"),
                after(lines, "Difficulty"),
                after(lines, "Stages"),
                lines.subList(lines.indexOf("Prerequisites") + 1, lines.indexOf("The Roadmap")),
                stages,
                lines.subList(toolsAt + 1, careersAt),
                lines.subList(careersAt + 1, faqAt),
                faqs);
    }

    private static String after(List<String> lines, String heading) {
        return lines.get(lines.indexOf(heading) + 1);
    }
}
