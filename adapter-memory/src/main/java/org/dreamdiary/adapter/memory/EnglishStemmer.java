package org.dreamdiary.adapter.memory;

import java.util.List;
import java.util.Map;

/**
 * The Snowball English stemmer (Porter2), as PostgreSQL's {@code english_stem} dictionary runs it: the form of a
 * word that its other forms share ("dreaming", "dreams" and "dream" all give "dream"). Takes a lower-case word.
 */
final class EnglishStemmer {
    private static final String VOWELS = "aeiouy";
    private static final String VALID_LI = "cdeghkmnrt";
    /** Words that begin so have their first region right after it. */
    private static final List<String> REGION_PREFIXES = List.of("gener", "commun", "arsen");
    /** Whole words stemmed by hand. */
    private static final Map<String, String> EXCEPTIONS = Map.ofEntries(
            Map.entry("skis", "ski"), Map.entry("skies", "sky"), Map.entry("dying", "die"), Map.entry("lying", "lie"),
            Map.entry("tying", "tie"), Map.entry("idly", "idl"), Map.entry("gently", "gentl"), Map.entry("ugly", "ugli"),
            Map.entry("early", "earli"), Map.entry("only", "onli"), Map.entry("singly", "singl"), Map.entry("sky", "sky"),
            Map.entry("news", "news"), Map.entry("howe", "howe"), Map.entry("atlas", "atlas"),
            Map.entry("cosmos", "cosmos"), Map.entry("bias", "bias"), Map.entry("andes", "andes"));
    /** Words left as they are once step 1a is done. */
    private static final List<String> INVARIANT_AFTER_1A = List.of("inning", "outing", "canning", "herring", "earring",
            "proceed", "exceed", "succeed");
    private static final List<String> DOUBLES = List.of("bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt");

    /** Step 2's endings, longest first where one ends another, and what each becomes (null: see the step). */
    private static final List<String[]> STEP_2 = List.of(
            new String[] {"ization", "ize"}, new String[] {"ational", "ate"}, new String[] {"fulness", "ful"},
            new String[] {"ousness", "ous"}, new String[] {"iveness", "ive"}, new String[] {"tional", "tion"},
            new String[] {"biliti", "ble"}, new String[] {"lessli", "less"}, new String[] {"entli", "ent"},
            new String[] {"ation", "ate"}, new String[] {"alism", "al"}, new String[] {"aliti", "al"},
            new String[] {"ousli", "ous"}, new String[] {"iviti", "ive"}, new String[] {"fulli", "ful"},
            new String[] {"enci", "ence"}, new String[] {"anci", "ance"}, new String[] {"abli", "able"},
            new String[] {"izer", "ize"}, new String[] {"ator", "ate"}, new String[] {"alli", "al"},
            new String[] {"bli", "ble"}, new String[] {"ogi", null}, new String[] {"li", null});
    private static final List<String[]> STEP_3 = List.of(
            new String[] {"ational", "ate"}, new String[] {"tional", "tion"}, new String[] {"alize", "al"},
            new String[] {"icate", "ic"}, new String[] {"iciti", "ic"}, new String[] {"ative", null},
            new String[] {"ical", "ic"}, new String[] {"ness", ""}, new String[] {"ful", ""});
    private static final List<String> STEP_4 = List.of("ement", "ance", "ence", "able", "ible", "ment", "ant", "ent",
            "ism", "ate", "iti", "ous", "ive", "ize", "ion", "al", "er", "ic");

    private final StringBuilder word;
    private int r1;
    private int r2;

    private EnglishStemmer(String word) {
        this.word = new StringBuilder(word);
    }

    static String stem(String word) {
        String exception = EXCEPTIONS.get(word);
        if (exception != null) {
            return exception;
        }
        if (word.codePointCount(0, word.length()) < 3) {
            return word;
        }
        return new EnglishStemmer(word).stemmed();
    }

    private String stemmed() {
        markConsonantYs();
        markRegions();
        step1a();
        if (!INVARIANT_AFTER_1A.contains(word.toString())) {
            step1b();
            step1c();
            step2();
            step3();
            step4();
            step5();
        }
        return word.toString().replace('Y', 'y');
    }

    /** A {@code y} at the start or after a vowel is a consonant: {@code Y} until the end. */
    private void markConsonantYs() {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) == 'y' && (i == 0 || isVowel(i - 1))) {
                word.setCharAt(i, 'Y');
            }
        }
    }

    private void markRegions() {
        int length = word.length();
        r1 = REGION_PREFIXES.stream().filter(prefix -> word.indexOf(prefix) == 0).findFirst().map(String::length)
                .orElseGet(() -> afterVowelAndConsonant(0));
        r2 = afterVowelAndConsonant(r1);
        r1 = Math.min(r1, length);
    }

    /** Where the first consonant after a vowel, from {@code start} on, ends; the word's length when there is none. */
    private int afterVowelAndConsonant(int start) {
        int i = start;
        while (i < word.length() && !isVowel(i)) {
            i++;
        }
        while (i < word.length() && isVowel(i)) {
            i++;
        }
        return i < word.length() ? i + 1 : word.length();
    }

    private void step1a() {
        if (endsWith("sses")) {
            replaceEnd(4, "ss");
        } else if (endsWith("ied") || endsWith("ies")) {
            replaceEnd(3, word.length() > 4 ? "i" : "ie");
        } else if (endsWith("us") || endsWith("ss")) {
            return;
        } else if (endsWith("s") && containsVowel(0, word.length() - 2)) {
            replaceEnd(1, "");
        }
    }

    private void step1b() {
        String ending = longestEnding(List.of("eedly", "ingly", "edly", "eed", "ing", "ed"));
        if (ending == null) {
            return;
        }
        int start = word.length() - ending.length();
        if (ending.startsWith("eed")) {
            if (start >= r1) {
                replaceEnd(ending.length(), "ee");
            }
            return;
        }
        if (!containsVowel(0, start)) {
            return;
        }
        word.setLength(start);
        if (endsWith("at") || endsWith("bl") || endsWith("iz")) {
            word.append('e');
        } else if (DOUBLES.stream().anyMatch(this::endsWith)) {
            // "added" gives "add", "ebbing" "ebb", "offing" "off"; "upped" gives "up"
            if (word.length() != 3 || "aeo".indexOf(word.charAt(0)) < 0) {
                word.setLength(word.length() - 1);
            }
        } else if (word.length() == r1 && endsInShortSyllable(word.length())) {
            word.append('e');
        }
    }

    private void step1c() {
        int last = word.length() - 1;
        if (last >= 2 && (word.charAt(last) == 'y' || word.charAt(last) == 'Y') && !isVowel(last - 1)) {
            word.setCharAt(last, 'i');
        }
    }

    private void step2() {
        String[] rule = longestRule(STEP_2);
        if (rule == null || word.length() - rule[0].length() < r1) {
            return;
        }
        int start = word.length() - rule[0].length();
        switch (rule[0]) {
            case "ogi" -> {
                if (start > 0 && word.charAt(start - 1) == 'l') {
                    replaceEnd(3, "og");
                }
            }
            case "li" -> {
                if (start > 0 && VALID_LI.indexOf(word.charAt(start - 1)) >= 0) {
                    replaceEnd(2, "");
                }
            }
            default -> replaceEnd(rule[0].length(), rule[1]);
        }
    }

    private void step3() {
        String[] rule = longestRule(STEP_3);
        if (rule == null || word.length() - rule[0].length() < r1) {
            return;
        }
        if (rule[1] == null) {
            if (word.length() - rule[0].length() >= r2) {
                replaceEnd(rule[0].length(), "");
            }
        } else {
            replaceEnd(rule[0].length(), rule[1]);
        }
    }

    private void step4() {
        String ending = longestEnding(STEP_4);
        if (ending == null) {
            return;
        }
        int start = word.length() - ending.length();
        if (start < r2) {
            return;
        }
        if (!ending.equals("ion") || start > 0 && (word.charAt(start - 1) == 's' || word.charAt(start - 1) == 't')) {
            word.setLength(start);
        }
    }

    private void step5() {
        int last = word.length() - 1;
        if (last < 0) {
            return;
        }
        if (word.charAt(last) == 'e') {
            if (last >= r2 || last >= r1 && !endsInShortSyllable(last)) {
                word.setLength(last);
            }
        } else if (word.charAt(last) == 'l' && last >= r2 && last > 0 && word.charAt(last - 1) == 'l') {
            word.setLength(last);
        }
    }

    /**
     * Whether the word's first {@code end} characters end in a short syllable: a consonant, a vowel and a consonant
     * other than w, x or Y; or, at the very start, a vowel and a consonant.
     */
    private boolean endsInShortSyllable(int end) {
        if (end >= 3 && !isVowel(end - 1) && "wxY".indexOf(word.charAt(end - 1)) < 0 && isVowel(end - 2)
                && !isVowel(end - 3)) {
            return true;
        }
        return end == 2 && !isVowel(1) && isVowel(0);
    }

    private String longestEnding(List<String> endings) {
        String longest = null;
        for (String ending : endings) {
            if (endsWith(ending) && (longest == null || ending.length() > longest.length())) {
                longest = ending;
            }
        }
        return longest;
    }

    private String[] longestRule(List<String[]> rules) {
        String[] longest = null;
        for (String[] rule : rules) {
            if (endsWith(rule[0]) && (longest == null || rule[0].length() > longest[0].length())) {
                longest = rule;
            }
        }
        return longest;
    }

    private boolean containsVowel(int from, int to) {
        for (int i = from; i < to; i++) {
            if (isVowel(i)) {
                return true;
            }
        }
        return false;
    }

    private boolean isVowel(int index) {
        return VOWELS.indexOf(word.charAt(index)) >= 0;
    }

    private boolean endsWith(String ending) {
        int start = word.length() - ending.length();
        return start >= 0 && word.indexOf(ending, start) == start;
    }

    private void replaceEnd(int length, String replacement) {
        word.replace(word.length() - length, word.length(), replacement);
    }
}
