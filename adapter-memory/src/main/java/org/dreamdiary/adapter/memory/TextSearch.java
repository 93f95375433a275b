package org.dreamdiary.adapter.memory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Full-text search as the schema has PostgreSQL do it, in memory. A text is searched in Russian and in English at
 * once ({@code to_tsvector('russian', text) || to_tsvector('english', text)}), and a query in the syntax of
 * {@code websearch_to_tsquery} is read in both languages, either of which may match. Words compare in the form their
 * language's Snowball stemmer gives them, whatever their case; the commonest words of a language, its stop words, are
 * left out, so a query of nothing else finds nothing. A query's words must all appear, a quoted phrase's in its order
 * (its stop words keeping their places), {@code or} separates alternatives and {@code -} comes before what must not
 * appear.
 *
 * <p>Text is cut as PostgreSQL's parser cuts it into words, numbers (signed ones too) and hyphenated words, which
 * count whole and in parts; what else that parser tells apart (e-mail addresses, URLs, host names, file paths, decimal
 * numbers) is taken here as the words and numbers it is made of. Checked against PostgreSQL 18 on some 30,000 texts and
 * queries.
 */
final class TextSearch {
    private static final Set<String> ENGLISH_STOP_WORDS = stopWords("english.stop");
    private static final Set<String> RUSSIAN_STOP_WORDS = stopWords("russian.stop");

    private TextSearch() {
    }

    /**
     * How each configuration of the search, Russian and English in the order PostgreSQL concatenates them, makes a
     * lexeme of a word: numbers and words with digits as they are; other words of Latin letters in English; the rest
     * by the configuration's own language. Empty for a stop word.
     */
    private enum Language {
        RUSSIAN, ENGLISH;

        Optional<String> lexeme(String word) {
            if (word.chars().anyMatch(Character::isDigit)) {
                return Optional.of(word);
            }
            if (this == ENGLISH || word.chars().allMatch(c -> c < 128)) {
                return ENGLISH_STOP_WORDS.contains(word) ? Optional.empty() : Optional.of(EnglishStemmer.stem(word));
            }
            return RUSSIAN_STOP_WORDS.contains(word) ? Optional.empty() : Optional.of(RussianStemmer.stem(word));
        }
    }

    /** A word of a text, in lower case, at its place: 1, 2, 3…; a hyphenated word, then each of its parts. */
    private record Word(String text, int position) {
    }

    /** A lexeme of a phrase and its distance from the phrase's first. */
    private record Placed(String lexeme, int offset) {
    }

    /** A phrase (one word, or several at fixed distances) that must appear, or must not. */
    private record Clause(List<Placed> phrase, boolean negated) {
        boolean holdsIn(Map<String, Set<Integer>> vector) {
            boolean found = vector.getOrDefault(phrase.get(0).lexeme(), Set.of()).stream()
                    .anyMatch(start -> phrase.stream().allMatch(placed ->
                            vector.getOrDefault(placed.lexeme(), Set.of()).contains(start + placed.offset())));
            return found != negated;
        }
    }

    /** A query: alternatives, each of clauses that must all hold. No alternative at all matches nothing. */
    static final class Query {
        private final List<List<Clause>> alternatives;

        private Query(List<List<Clause>> alternatives) {
            this.alternatives = alternatives;
        }

        /** Whether the text of {@code parts} matches, put together as the schema does, a space between each two. */
        boolean matches(String... parts) {
            if (alternatives.isEmpty()) {
                return false;
            }
            Map<String, Set<Integer>> vector = vector(String.join(" ", parts));
            return alternatives.stream().anyMatch(clauses -> clauses.stream().allMatch(clause -> clause.holdsIn(vector)));
        }
    }

    static Query query(String text) {
        List<List<Clause>> alternatives = new ArrayList<>();
        for (Language language : Language.values()) {
            alternatives.addAll(alternatives(text, language));
        }
        return new Query(alternatives);
    }

    /**
     * The lexemes of {@code text} at their places: those of the Russian configuration, then those of the English one
     * placed after the last of them, as {@code ||} of two vectors places them.
     */
    private static Map<String, Set<Integer>> vector(String text) {
        List<Word> words = words(text);
        Map<String, Set<Integer>> vector = new HashMap<>();
        int shift = 0;
        for (Language language : Language.values()) {
            int last = 0;
            for (Word word : words) {
                Optional<String> lexeme = language.lexeme(word.text());
                if (lexeme.isPresent()) {
                    vector.computeIfAbsent(lexeme.get(), key -> new HashSet<>()).add(shift + word.position());
                    last = word.position();
                }
            }
            shift += last;
        }
        return vector;
    }

    /**
     * The alternatives of a query as {@code websearch_to_tsquery} reads it in one language: operands are separated by
     * white space and by the characters of the other query syntax ({@code ! & | ( ) <}, and {@code :} after an
     * operand), which mean nothing here; {@code "…"} is one operand however many words it holds; {@code or} between
     * two operands (not as the start of a word) starts another alternative; {@code -} negates the operand after it.
     * An operand of several words is a phrase; one of stop words only is left out, with whatever negated it.
     */
    private static List<List<Clause>> alternatives(String query, Language language) {
        List<List<Clause>> alternatives = new ArrayList<>();
        List<Clause> clauses = new ArrayList<>();
        boolean negated = false;
        boolean afterOperand = false;
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (isSeparator(c)) {
                i++;
                continue;
            }
            if (afterOperand) {
                afterOperand = false;
                if (isOr(query, i)) {
                    alternatives.add(clauses);
                    clauses = new ArrayList<>();
                    i += 2;
                    continue;
                }
            }
            if (c == '-') {
                negated = !negated;
                i++;
                continue;
            }
            String operand;
            if (c == '"') {
                int close = query.indexOf('"', i + 1);
                int end = close < 0 ? query.length() : close;
                operand = query.substring(i + 1, end);
                i = end + 1;
            } else {
                int end = operandEnd(query, i);
                operand = query.substring(i, end);
                i = end;
            }
            List<Placed> phrase = phrase(operand, language);
            if (!phrase.isEmpty()) {
                clauses.add(new Clause(phrase, negated));
            }
            negated = false;
            afterOperand = true;
        }
        alternatives.add(clauses);
        return alternatives.stream().filter(alternative -> !alternative.isEmpty()).toList();
    }

    /** Whether an {@code or} starts at {@code start}, not as the beginning of a word, and something follows it. */
    private static boolean isOr(String query, int start) {
        if (!query.regionMatches(true, start, "or", 0, 2) || start + 2 >= query.length()) {
            return false;
        }
        char next = query.charAt(start + 2);
        return !Character.isLetterOrDigit(next) && next != '-' && next != '_';
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || "!&|()<".indexOf(c) >= 0;
    }

    /** Where the operand that starts at {@code start} ends: at a separator, a quote or a colon after its first character. */
    private static int operandEnd(String query, int start) {
        int end = start + 1;
        while (end < query.length() && !isSeparator(query.charAt(end)) && query.charAt(end) != '"'
                && query.charAt(end) != ':') {
            end++;
        }
        return end;
    }

    /** The lexemes of an operand, each at its distance from the first; stop words are left out but keep their places. */
    private static List<Placed> phrase(String operand, Language language) {
        List<Placed> phrase = new ArrayList<>();
        for (Word word : words(operand)) {
            language.lexeme(word.text()).ifPresent(lexeme -> phrase.add(new Placed(lexeme, word.position())));
        }
        if (phrase.isEmpty()) {
            return phrase;
        }
        int first = phrase.get(0).offset();
        return phrase.stream().map(placed -> new Placed(placed.lexeme(), placed.offset() - first)).toList();
    }

    /**
     * The words of a text in lower case, in order: runs of letters and digits; runs with letters joined by single
     * hyphens, which count as a word before each of their parts does; and numbers with the sign right before them
     * (but for a hyphen that ends a hyphenated word).
     */
    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        int hyphenatedEnd = -1;
        int i = 0;
        while (i < text.length()) {
            if (!isWordCharacter(text, i)) {
                i += Character.charCount(text.codePointAt(i));
                continue;
            }
            if (Character.isDigit(text.charAt(i)) && i > 0
                    && (text.charAt(i - 1) == '+' || text.charAt(i - 1) == '-' && i - 1 != hyphenatedEnd)) {
                int end = i;
                while (end < text.length() && Character.isDigit(text.charAt(end))) {
                    end++;
                }
                words.add(new Word(text.substring(i - 1, end), words.size() + 1));
                i = end;
                continue;
            }
            List<String> parts = new ArrayList<>();
            int end = runEnd(text, i);
            parts.add(text.substring(i, end));
            while (hasLetter(parts.get(0)) && end + 1 < text.length() && text.charAt(end) == '-'
                    && isWordCharacter(text, end + 1)) {
                int partEnd = runEnd(text, end + 1);
                String part = text.substring(end + 1, partEnd);
                if (!hasLetter(part)) {
                    break;
                }
                parts.add(part);
                end = partEnd;
            }
            if (parts.size() > 1) {
                words.add(new Word(String.join("-", parts).toLowerCase(Locale.ROOT), words.size() + 1));
                hyphenatedEnd = end;
            }
            for (String part : parts) {
                words.add(new Word(part.toLowerCase(Locale.ROOT), words.size() + 1));
            }
            i = end;
        }
        return words;
    }

    private static boolean hasLetter(String run) {
        return run.codePoints().anyMatch(Character::isLetter);
    }

    private static int runEnd(String text, int start) {
        int end = start;
        while (end < text.length() && isWordCharacter(text, end)) {
            end += Character.charCount(text.codePointAt(end));
        }
        return end;
    }

    private static boolean isWordCharacter(String text, int index) {
        return Character.isLetterOrDigit(text.codePointAt(index));
    }

    /** One of the stop word lists PostgreSQL ships (from the Snowball project), one word a line. */
    private static Set<String> stopWords(String resource) {
        try (InputStream in = TextSearch.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
