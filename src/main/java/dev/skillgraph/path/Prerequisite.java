package dev.skillgraph.path;

import org.jspecify.annotations.Nullable;

/**
 * A direct prerequisite: {@code id} must be known first, because of {@code reason}.
 *
 * @param strength {@code hard} (must be known first; knowing the dependent implies knowing it) or {@code soft}
 *     (helps to know first; implies nothing)
 */
public record Prerequisite(String id, @Nullable String reason, @Nullable String strength) {

    /** Whether knowing the dependent implies knowing this prerequisite. */
    public boolean isHard() {
        return !"soft".equals(strength);
    }
}
