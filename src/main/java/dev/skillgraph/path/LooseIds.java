package dev.skillgraph.path;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Ids as people type them: {@code Pandas}, {@code scikit_learn} and {@code Scikit Learn} all mean {@code scikit-learn}.
 * Ids that differ only by case or by separators (hyphen, underscore, dot, space) name the same node, unless two nodes
 * of the graph would then share a spelling: that spelling then resolves to neither (the exact id always works).
 */
final class LooseIds {

    private final Map<String, String> byLooseId;

    private LooseIds(Map<String, String> byLooseId) {
        this.byLooseId = byLooseId;
    }

    static LooseIds of(Collection<String> ids) {
        Map<String, String> byLooseId = new HashMap<>();
        Map<String, Boolean> ambiguous = new HashMap<>();
        for (String id : ids) {
            String loose = loose(id);
            if (byLooseId.putIfAbsent(loose, id) != null) {
                ambiguous.put(loose, true);
            }
        }
        ambiguous.keySet().forEach(byLooseId::remove);
        return new LooseIds(byLooseId);
    }

    /** The id {@code typed} stands for, when it differs from one only by case or separators. */
    Optional<String> resolve(String typed) {
        return Optional.ofNullable(byLooseId.get(loose(typed)));
    }

    /**
     * Lower case, compatibility forms and accents folded (full-width {@code Ｐandas}, {@code pándas}), invisible format
     * characters (a zero-width space) left out, every run of separators one hyphen, none at either end.
     */
    static String loose(String id) {
        String folded = Normalizer.normalize(id, Normalizer.Form.NFKD).replaceAll("[\\p{M}\\p{Cf}]", "");
        String lower = folded.toLowerCase(Locale.ROOT).replaceAll("[\\s_.\\-]+", "-");
        int from = lower.startsWith("-") ? 1 : 0;
        int to = lower.endsWith("-") && lower.length() > from ? lower.length() - 1 : lower.length();
        return lower.substring(from, Math.max(from, to));
    }
}
