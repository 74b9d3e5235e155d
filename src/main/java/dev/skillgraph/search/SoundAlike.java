package dev.skillgraph.search;

import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Whether two spellings are one sound written two ways, as a learner may type a name they have only heard: {@code
 * jupiter} for Jupyter, {@code visualisation} for "visualization". Double Metaphone (Philips 2000, from Apache Commons
 * Codec) codes the sound; since it keeps consonants only, {@code teach} and "tech", or {@code cup} and "cpu", are coded
 * alike too, so the spellings must also differ in one letter, in place.
 */
final class SoundAlike {

    /** Codes how a word sounds; immutable once its maximum code length is set, so safe to share. */
    private static final DoubleMetaphone SOUND = new DoubleMetaphone();

    private SoundAlike() {}

    /** Whether {@code other} is {@code word} with one letter changed and the same sound ({@code turing} is no "tuning"). */
    static boolean spellings(String word, String other) {
        return oneLetterChanged(word, other) && SOUND.isDoubleMetaphoneEqual(word, other);
    }

    private static boolean oneLetterChanged(String word, String other) {
        if (word.length() != other.length()) {
            return false;
        }
        int changed = 0;
        for (int i = 0; i < word.length() && changed < 2; i++) {
            if (word.charAt(i) != other.charAt(i)) {
                changed++;
            }
        }
        return changed == 1;
    }
}
