package dev.skillgraph.path;

import dev.skillgraph.domain.GraphNode;
import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Ids as people type them: {@code Pandas}, {@code scikit_learn}, {@code Scikit Learn} and {@code scikitlearn} all mean
 * {@code scikit-learn}, and a node's whole name ({@code Python Programming}) means its id. Tried in that order, each
 * spelling of a node standing for it only when no other node of the graph shares it (then it resolves to neither; the
 * exact id always works):
 *
 * <ol>
 *   <li>the id up to case and separators (hyphen, underscore, dot, space): {@code Scikit_Learn};
 *   <li>the id with its separators left out: {@code huggingface} for {@code hugging-face}, {@code tensor-flow} for
 *       {@code tensorflow};
 *   <li>the node's name up to case and separators: {@code python programming};
 *   <li>the node's name with its separators left out: {@code deeplearningfundamentals}.
 * </ol>
 *
 * Separators are spaces, hyphens and every other dash (the en dash and the Unicode hyphen that rich text pastes, the
 * minus sign), underscores, dots and the punctuation of a sentence ({@code ? ! , : ; ' " ( ) /}, and the curly
 * apostrophes and quotes):
 * an FAQ's question names it with or without its question mark. {@code + # &} are letters here ({@code C++}). An
 * alias is no id: {@code transformer} may mean the architecture or the paper, so it gets a "did you mean" (issue #21).
 */
final class LooseIds {

    private final List<Map<String, String>> tiers;

    private LooseIds(List<Map<String, String>> tiers) {
        this.tiers = tiers;
    }

    static LooseIds of(Collection<GraphNode> nodes) {
        return new LooseIds(List.of(
                unique(nodes, node -> loose(node.id())),
                unique(nodes, node -> joined(node.id())),
                unique(nodes, node -> loose(node.name())),
                unique(nodes, node -> joined(node.name()))));
    }

    /** Each spelling to the one node that has it; spellings two nodes share, and empty ones, to none. */
    private static Map<String, String> unique(Collection<GraphNode> nodes, Function<GraphNode, String> spelling) {
        Map<String, String> byKey = new HashMap<>();
        Set<String> shared = new HashSet<>();
        for (GraphNode node : nodes) {
            String key = spelling.apply(node);
            if (byKey.putIfAbsent(key, node.id()) != null) {
                shared.add(key);
            }
        }
        shared.forEach(byKey::remove);
        byKey.remove("");
        return byKey;
    }

    /** The id {@code typed} stands for, by the first spelling that names one node. */
    Optional<String> resolve(String typed) {
        String loose = loose(typed);
        String joined = loose.replace("-", "");
        List<String> keys = List.of(loose, joined, loose, joined);
        for (int i = 0; i < tiers.size(); i++) {
            String id = tiers.get(i).get(keys.get(i));
            if (id != null) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /**
     * Lower case, compatibility forms and accents folded (full-width {@code Ｐandas}, {@code pándas}), invisible format
     * characters (a zero-width space) left out, every run of separators one hyphen, none at either end.
     */
    static String loose(String id) {
        String folded = Normalizer.normalize(id, Normalizer.Form.NFKD).replaceAll("[\\p{M}\\p{Cf}]", "");
        String lower = folded.toLowerCase(Locale.ROOT)
                .replaceAll("[\\s_.\\p{Pd}\u2212?!,:;'\"()/\u2018\u2019\u201C\u201D`\u00B4]+", "-");
        int from = lower.startsWith("-") ? 1 : 0;
        int to = lower.endsWith("-") && lower.length() > from ? lower.length() - 1 : lower.length();
        return lower.substring(from, Math.max(from, to));
    }

    /** {@link #loose} without its separators. */
    private static String joined(String id) {
        return loose(id).replace("-", "");
    }
}
