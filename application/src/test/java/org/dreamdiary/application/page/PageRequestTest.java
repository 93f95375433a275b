package org.dreamdiary.application.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dreamdiary.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

    @Test
    void givenTheFirstPage_whenComputingTheOffset_thenNoRowIsSkipped() {
        assertThat(new PageRequest(1, 20).offset()).isZero();
    }

    @Test
    void givenTheThirdPageOfTwenty_whenComputingTheOffset_thenFortyRowsAreSkipped() {
        assertThat(new PageRequest(3, 20).offset()).isEqualTo(40L);
    }

    @Test
    void givenAPageWhoseProductOverflowsAnInt_whenComputingTheOffset_thenTheOffsetIsExact() {
        PageRequest request = new PageRequest(Integer.MAX_VALUE, 100);

        assertThat(request.offset()).isEqualTo(214_748_364_600L).isGreaterThan(Integer.MAX_VALUE);
    }

    @Test
    void givenNoArguments_whenAskingForTheFirstPage_thenItIsPageOneOfTwenty() {
        assertThat(PageRequest.first()).isEqualTo(new PageRequest(1, PageRequest.DEFAULT_PER_PAGE));
        assertThat(PageRequest.first().perPage()).isEqualTo(20);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void givenAPageBelowOne_whenRequested_thenItIsRefused(int page) {
        assertThatThrownBy(() -> new PageRequest(page, 20))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("page must be at least 1");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101})
    void givenPerPageOutsideOneToAHundred_whenRequested_thenItIsRefused(int perPage) {
        assertThatThrownBy(() -> new PageRequest(1, perPage))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("per_page must be 1 to 100");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100})
    void givenPerPageAtEitherBound_whenRequested_thenItIsAccepted(int perPage) {
        assertThat(new PageRequest(1, perPage).perPage()).isEqualTo(perPage);
    }
}
