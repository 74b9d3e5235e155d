package dev.skillgraph.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoundAlikeTest {

    @ParameterizedTest
    @CsvSource({
        "jupiter, jupyter, true",
        "visualisation, visualization, true",
        "optimise, optimize, true",
        "turing, tuning, false", // one letter changed, another sound
        "teach, tech, false", // the same consonants, a letter dropped
        "cup, cpu, false", // the same consonants, two letters swapped
        "python, python, false", // no other spelling
        "tricking, tracking, false", // two English words a vowel apart
        "tasting, testing, false",
        "boasting, boosting, false",
        "toning, tuning, false",
        "analyse, analyze, true" // a consonant apart
    })
    void oneSoundWrittenTwoWaysDiffersInOneLetter(String word, String other, boolean alike) {
        assertThat(SoundAlike.spellings(word, other)).isEqualTo(alike);
    }
}
