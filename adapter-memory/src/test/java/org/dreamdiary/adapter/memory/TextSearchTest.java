package org.dreamdiary.adapter.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The in-memory full-text search against what PostgreSQL 18 answered for the same words, texts and queries: random
 * samples of words, of texts in Russian and English with stop words, numbers and hyphens, and of queries with quotes,
 * {@code or}, {@code -} and stray punctuation. To check a newer PostgreSQL, ask it the same and compare.
 */
class TextSearchTest {
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stems")
    void givenAWord_whenStemmed_thenItsStemIsPostgreSqls(String language, String word, String stem) {
        assertEquals(stem, language.equals("english") ? EnglishStemmer.stem(word) : RussianStemmer.stem(word));
    }

    @ParameterizedTest(name = "[{1}] in [{0}]")
    @MethodSource("searches")
    void givenATextAndAQuery_whenSearched_thenItMatchesWhenPostgreSqlMatches(String text, String query, boolean matches) {
        assertEquals(matches, TextSearch.query(query).matches(text));
    }

    static Stream<Arguments> stems() throws IOException {
        return rows("stems.tsv").map(row -> Arguments.of(row[0], row[1], row[2]));
    }

    static Stream<Arguments> searches() throws IOException {
        return rows("searches.tsv").map(row -> Arguments.of(row[0], row[1], Boolean.parseBoolean(row[2])));
    }

    /** The tab-separated rows of a resource beside this class, its comment lines left out. */
    private static Stream<String[]> rows(String resource) throws IOException {
        try (InputStream in = TextSearchTest.class.getResourceAsStream(resource)) {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.startsWith("#"))
                    .map(line -> line.split("\t", -1))
                    .toList().stream();
        }
    }
}
