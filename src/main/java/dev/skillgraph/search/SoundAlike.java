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

    private static final String VOWELS = "aeiou";

    private SoundAlike() {}

    /**
     * Whether {@code other} is {@code word} with one letter changed and the same sound ({@code turing} is no "tuning").
     * Two English words a vowel apart are two words, though their consonants sound alike ({@code tricking} is no
     * "tracking", {@code tasting} no "testing"); a consonant apart they may be one ({@code visualisation}).
     */
    static boolean spellings(String word, String other) {
        int changed = changedLetter(word, other);
        return changed >= 0
                && SOUND.isDoubleMetaphoneEqual(word, other)
                && !(VOWELS.indexOf(word.charAt(changed)) >= 0
                        && VOWELS.indexOf(other.charAt(changed)) >= 0
                        && EnglishWords.contains(word)
                        && EnglishWords.contains(other));
    }

    /** Where {@code other} differs from {@code word} when that is in one letter, in place; else -1. */
    private static int changedLetter(String word, String other) {
        if (word.length() != other.length()) {
            return -1;
        }
        int changed = -1;
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) != other.charAt(i)) {
                if (changed >= 0) {
                    return -1;
                }
                changed = i;
            }
        }
        return changed;
    }
}
