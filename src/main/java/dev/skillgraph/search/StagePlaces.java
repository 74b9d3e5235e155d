package dev.skillgraph.search;

import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A stage's place on its roadmap ("stage 2"), as the index has it and as learners say it ("stage two", "second
 * stage", "2nd stage"): the aliases and completions a stage gets ({@link NodeDocuments}), and a query's places
 * written as the index has them ({@link NodeSearcher}).
 */
final class StagePlaces {

    private StagePlaces() {}

    /**
     * A stage's places on its roadmap, as roadmap pages number them ("stage 2", first: {@link #place}) and as learners
     * say it ("stage two", "second stage", "2nd stage"), which completions offer; none for other nodes. An ordinal reads
     * as the stage's number, not its position: the learner quotes the page's label, and every shipped roadmap numbers
     * its first stage 0, so "second stage" by position would be the page's "Stage 1".
     */
    static List<String> places(GraphNode node) {
        Integer order = node.order();
        String place = place(node);
        if (place == null || order == null) {
            return List.of();
        }
        List<String> places = new ArrayList<>(List.of(place));
        if (order >= 0 && order < CARDINALS.size()) {
            places.add("stage " + CARDINALS.get(order));
            places.add(ORDINALS.get(order) + " stage");
            places.add(order + ordinalSuffix(order) + " stage");
        }
        return places;
    }

    /**
     * A stage's place as search has it, an alias "stage 2"; null for other nodes. A query's places are written so
     * ({@link #asNumbers}) rather than every way of saying them indexed as aliases: there a number word matched
     * on its own, and {@code two tower model}, {@code zero shot} and {@code second opinion} listed stages 2 and 0.
     */
    static @Nullable String place(GraphNode node) {
        return node.kind() == Kind.STAGE && node.order() != null ? "stage " + node.order() : null;
    }

    /**
     * {@code text} with every place written as {@link #place} has it: "stage two", "second stage" and "2nd stage" as
     * "stage 2"; a number word elsewhere stays as typed.
     */
    static String asNumbers(String text) {
        // Full-width and accented letters too ("ｓｔａｇｅ　ｔｗｏ", "sécond stage"), as the query's words are read
        // (QueryWords#of, the folding analyzer); a text without a place is left exactly as typed.
        String normal = Normalizer.normalize(
                MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll(""), Normalizer.Form.NFKC);
        String cardinals = CARDINAL_PLACE.matcher(normal).replaceAll(m -> "stage " + number(m.group(1)));
        String places = ORDINAL_PLACE.matcher(cardinals).replaceAll(m -> "stage " + number(m.group(1)));
        return places.equals(normal) ? text : places;
    }

    /**
     * Whether {@code word} is a number: digits ({@link QueryWords#isNumber}), a cardinal or an ordinal up to twenty, or
     * a numbered ordinal ("2nd"), in lower case as the analyzers leave it.
     */
    static boolean isNumber(String word) {
        return QueryWords.isNumber(word)
                || CARDINALS.contains(word)
                || ORDINALS.contains(word)
                || NUMBERED_ORDINAL.matcher(word).matches();
    }

    /** The number a cardinal, an ordinal or a numbered ordinal ("2nd") says. */
    private static int number(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        int cardinal = CARDINALS.indexOf(lower);
        if (cardinal >= 0) {
            return cardinal;
        }
        int ordinal = ORDINALS.indexOf(lower);
        return ordinal >= 0 ? ordinal : Integer.parseInt(lower.replaceAll("\\D", ""));
    }

    /**
     * Whether {@code words} (as typed, places written as numbers: {@link #asNumbers}) name a stage's place:
     * "stage" and a number.
     */
    static boolean namesAPlace(List<String> words) {
        return !named(words).isEmpty();
    }

    /**
     * The places {@code words} (as typed, places written as numbers: {@link #asNumbers}) name, as {@link #place} writes
     * them: "stage" and a number.
     */
    static List<String> named(List<String> words) {
        List<String> named = new ArrayList<>(1);
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).equals("stage") && QueryWords.isNumber(words.get(i + 1))) {
                named.add("stage " + words.get(i + 1));
            }
        }
        return named;
    }

    /**
     * {@code words} without the places they name ({@link #named}): what says which roadmap's stage is meant; empty
     * when they name no place.
     */
    static List<String> besidePlaces(List<String> words) {
        List<String> beside = new ArrayList<>(words.size());
        boolean named = false;
        for (int i = 0; i < words.size(); i++) {
            if (i + 1 < words.size() && words.get(i).equals("stage") && QueryWords.isNumber(words.get(i + 1))) {
                named = true;
                i++;
            } else {
                beside.add(words.get(i));
            }
        }
        return named ? beside : List.of();
    }

    /**
     * English names of the numbers 0-20, the most stages a roadmap is expected to have (roadmap.sh's longest has about
     * a dozen). Written out here rather than with ICU4J's spell-out rules, a 14 MB library for these 21 words.
     */
    private static final List<String> CARDINALS = List.of(
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty");

    /** The ordinals of {@link #CARDINALS}. */
    private static final List<String> ORDINALS = List.of(
            "zeroth",
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth");

    /** A number written as an ordinal: "2nd", "11th". */
    private static final Pattern NUMBERED_ORDINAL = Pattern.compile("\\d{1,4}(?:st|nd|rd|th)");

    /** Tens that begin a longer number ("twenty second", "thirty-one"). */
    private static final String TENS = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)";

    /**
     * "stage" and a cardinal: "stage two", "stage-two"; not the start of a longer one ("stage one hundred"). Case is
     * ignored in ASCII only: Unicode's case folding would also read "ſecond" (a long s) as "second", a word {@link
     * #number} does not know.
     */
    private static final Pattern CARDINAL_PLACE = Pattern.compile(
            "\\bstage[\\s_-]+(" + String.join("|", CARDINALS) + ")\\b(?![\\s-]+(?:hundred|thousand|million)\\b)",
            Pattern.CASE_INSENSITIVE);

    /**
     * An ordinal, as a word or numbered, and "stage": "second stage", "2nd-stage"; not the end of a longer one
     * ("twenty-second stage", "twenty second stage" are no stage 2).
     */
    private static final Pattern ORDINAL_PLACE = Pattern.compile(
            "(?<![\\w-])(?<!" + TENS + "[\\s-]{1,3})(" + String.join("|", ORDINALS) + "|" + NUMBERED_ORDINAL.pattern()
                    + ")[\\s_-]+stage\\b",
            Pattern.CASE_INSENSITIVE);

    /** Combining marks, which the folding analyzer drops: "sécond" is "second". */
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static String ordinalSuffix(int n) {
        if (n % 100 >= 11 && n % 100 <= 13) {
            return "th";
        }
        return switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
