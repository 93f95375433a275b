package org.dreamdiary.adapter.memory;

import java.util.List;

/**
 * The Snowball Russian stemmer, as PostgreSQL's {@code russian_stem} dictionary runs it: the form of a word that its
 * other forms share ("мечта", "мечты" and "мечтами" all give "мечт"). Takes a lower-case word. Every ending is looked
 * for after the first vowel only; of several that fit, the longest counts.
 */
final class RussianStemmer {
    private static final String VOWELS = "аеиоуыэюя";

    /** Endings removed only after а or я, which stays, and endings removed whatever comes before. */
    private record Endings(List<String> afterAOrYa, List<String> anywhere) {
    }

    private static final Endings PERFECTIVE_GERUND = new Endings(List.of("в", "вши", "вшись"),
            List.of("ив", "ивши", "ившись", "ыв", "ывши", "ывшись"));
    private static final Endings ADJECTIVE = new Endings(List.of(), List.of("ее", "ие", "ые", "ое", "ими", "ыми", "ей",
            "ий", "ый", "ой", "ем", "им", "ым", "ом", "его", "ого", "ему", "ому", "их", "ых", "ую", "юю", "ая", "яя", "ою",
            "ею"));
    private static final Endings PARTICIPLE = new Endings(List.of("ем", "нн", "вш", "ющ", "щ"), List.of("ивш", "ывш", "ующ"));
    private static final Endings REFLEXIVE = new Endings(List.of(), List.of("ся", "сь"));
    private static final Endings VERB = new Endings(List.of("ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но",
            "ет", "ют", "ны", "ть", "ешь", "нно"), List.of("ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей",
            "уй", "ил", "ыл", "им", "ым", "ен", "ило", "ыло", "ено", "ят", "ует", "уют", "ит", "ыт", "ены", "ить", "ыть",
            "ишь", "ую", "ю"));
    private static final Endings NOUN = new Endings(List.of(), List.of("а", "ев", "ов", "ие", "ье", "е", "иями", "ями",
            "ами", "еи", "ии", "и", "ией", "ей", "ой", "ий", "й", "иям", "ям", "ием", "ем", "ам", "ом", "о", "у", "ах",
            "иях", "ях", "ы", "ь", "ию", "ью", "ю", "ия", "ья", "я"));
    private static final Endings DERIVATIONAL = new Endings(List.of(), List.of("ост", "ость"));
    private static final List<String> SUPERLATIVE = List.of("ейш", "ейше");

    private final StringBuilder word;
    /** Where the region after the first vowel starts: nothing before it is ever removed. */
    private final int rv;
    /** After a vowel and a consonant, twice over. */
    private final int r2;

    private RussianStemmer(String word) {
        this.word = new StringBuilder(word.replace('ё', 'е'));
        this.rv = afterFirstVowel(0);
        this.r2 = afterFirstConsonant(afterFirstVowel(afterFirstConsonant(rv)));
    }

    static String stem(String word) {
        return new RussianStemmer(word).stemmed();
    }

    private String stemmed() {
        if (!remove(PERFECTIVE_GERUND)) {
            remove(REFLEXIVE);
            if (!removeAdjectival() && !remove(VERB)) {
                remove(NOUN);
            }
        }
        if (endsWithin("и", rv)) {
            cut(1);
        }
        String derivational = longest(DERIVATIONAL.anywhere());
        if (derivational != null && word.length() - derivational.length() >= r2) {
            cut(derivational.length());
        }
        tidyUp();
        return word.toString();
    }

    private boolean removeAdjectival() {
        if (!remove(ADJECTIVE)) {
            return false;
        }
        remove(PARTICIPLE);
        return true;
    }

    /** The last step: the superlative's ending and a doubled н go, or else a soft sign does. */
    private void tidyUp() {
        String superlative = longest(SUPERLATIVE);
        if (superlative != null) {
            cut(superlative.length());
            if (endsWithin("нн", rv)) {
                cut(1);
            }
        } else if (endsWithin("нн", rv)) {
            cut(1);
        } else if (endsWithin("ь", rv)) {
            cut(1);
        }
    }

    /** Removes the longest of the endings that fits, if its condition holds; whether it did. */
    private boolean remove(Endings endings) {
        String afterAOrYa = longest(endings.afterAOrYa());
        String anywhere = longest(endings.anywhere());
        if (afterAOrYa != null && (anywhere == null || afterAOrYa.length() > anywhere.length())) {
            int before = word.length() - afterAOrYa.length() - 1;
            if (before < rv || word.charAt(before) != 'а' && word.charAt(before) != 'я') {
                return false;
            }
            cut(afterAOrYa.length());
            return true;
        }
        if (anywhere != null) {
            cut(anywhere.length());
            return true;
        }
        return false;
    }

    private String longest(List<String> endings) {
        String longest = null;
        for (String ending : endings) {
            if (endsWithin(ending, rv) && (longest == null || ending.length() > longest.length())) {
                longest = ending;
            }
        }
        return longest;
    }

    private boolean endsWithin(String ending, int from) {
        int start = word.length() - ending.length();
        return start >= from && word.indexOf(ending, start) == start;
    }

    private void cut(int length) {
        word.setLength(word.length() - length);
    }

    private int afterFirstVowel(int start) {
        for (int i = start; i < word.length(); i++) {
            if (VOWELS.indexOf(word.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return word.length();
    }

    private int afterFirstConsonant(int start) {
        for (int i = start; i < word.length(); i++) {
            if (VOWELS.indexOf(word.charAt(i)) < 0) {
                return i + 1;
            }
        }
        return word.length();
    }
}
