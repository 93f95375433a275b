package org.dreamdiary.application.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageTest {

    private static Page<String> page(int page, int perPage, long totalItems) {
        return new Page<>(List.of(), totalItems, new PageRequest(page, perPage));
    }

    @ParameterizedTest(name = "{0} items at {1} per page -> {2} pages")
    @CsvSource({
            "0, 20, 0",
            "1, 20, 1",
            "20, 20, 1",
            "21, 20, 2",
            "40, 20, 2",
            "41, 20, 3",
            "100, 1, 100",
    })
    void givenATotal_whenCountingPages_thenAPartialLastPageCountsAsAPage(long totalItems, int perPage, long expectedPages) {
        assertThat(page(1, perPage, totalItems).totalPages()).isEqualTo(expectedPages);
    }

    @Test
    void givenAPage_whenMappingItsItems_thenTheSliceAndItsPlaceInTheWholeStay() {
        Page<String> words = new Page<>(List.of("a", "bb"), 7, new PageRequest(2, 2));

        Page<Integer> lengths = words.map(String::length);

        assertThat(lengths.items()).containsExactly(1, 2);
        assertThat(lengths.totalItems()).isEqualTo(7);
        assertThat(lengths.request()).isEqualTo(words.request());
    }

    @Test
    void givenTheFirstOfTwoPages_whenAskingForNeighbours_thenThereIsANextButNoPrevious() {
        Page<String> first = page(1, 20, 21);

        assertThat(first.hasNext()).isTrue();
        assertThat(first.hasPrevious()).isFalse();
    }

    @Test
    void givenTheLastOfTwoPages_whenAskingForNeighbours_thenThereIsAPreviousButNoNext() {
        Page<String> last = page(2, 20, 21);

        assertThat(last.hasNext()).isFalse();
        assertThat(last.hasPrevious()).isTrue();
    }

    @Test
    void givenAMiddlePage_whenAskingForNeighbours_thenThereAreBoth() {
        Page<String> middle = page(2, 20, 41);

        assertThat(middle.hasNext()).isTrue();
        assertThat(middle.hasPrevious()).isTrue();
    }

    @Test
    void givenAnEmptyCollection_whenOnTheFirstPage_thenThereIsNoNeighbour() {
        Page<String> empty = page(1, 20, 0);

        assertThat(empty.hasNext()).isFalse();
        assertThat(empty.hasPrevious()).isFalse();
    }

    @Test
    void givenAPagePastTheLast_whenAskingForNeighbours_thenThereIsNoNextButAPrevious() {
        Page<String> beyond = page(5, 20, 21);

        assertThat(beyond.totalPages()).isEqualTo(2);
        assertThat(beyond.hasNext()).isFalse();
        assertThat(beyond.hasPrevious()).isTrue();
    }

    @Test
    void givenAMutableItemList_whenTheCallerChangesItAfterwards_thenThePageKeepsTheOriginalItems() {
        List<String> items = new ArrayList<>(List.of("a", "b"));
        Page<String> page = new Page<>(items, 2, PageRequest.first());

        items.add("c");

        assertThat(page.items()).containsExactly("a", "b");
    }

    @Test
    void givenANegativeTotal_whenConstructed_thenItIsRefused() {
        assertThatThrownBy(() -> page(1, 20, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("totalItems must not be negative");
    }
}
