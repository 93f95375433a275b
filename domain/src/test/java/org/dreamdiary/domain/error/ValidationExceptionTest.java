package org.dreamdiary.domain.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationExceptionTest {

    @Test
    void givenOneFieldError_whenThrown_thenTheMessageSaysOneFieldIsInvalid() {
        ValidationException exception = new ValidationException(List.of(new FieldError("title", "must not be blank")));

        assertThat(exception).hasMessage("1 field is invalid");
        assertThat(exception.errors()).containsExactly(new FieldError("title", "must not be blank"));
    }

    @Test
    void givenTwoFieldErrors_whenThrown_thenTheMessageSaysTwoFieldsAreInvalid() {
        ValidationException exception = new ValidationException(List.of(
                new FieldError("title", "must not be blank"),
                new FieldError("due", "must be a date")));

        assertThat(exception).hasMessage("2 fields are invalid");
        assertThat(exception.errors()).extracting(FieldError::field).containsExactly("title", "due");
    }

    @Test
    void givenNoFieldErrors_whenConstructed_thenItIsRefused() {
        assertThatThrownBy(() -> new ValidationException(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a validation failure names at least one field");
    }

    @Test
    void givenAMutableList_whenTheCallerChangesItAfterwards_thenTheExceptionKeepsTheOriginalErrors() {
        List<FieldError> errors = new ArrayList<>();
        errors.add(new FieldError("title", "must not be blank"));
        ValidationException exception = new ValidationException(errors);

        errors.add(new FieldError("due", "must be a date"));
        errors.set(0, new FieldError("other", "other"));

        assertThat(exception.errors()).containsExactly(new FieldError("title", "must not be blank"));
    }

    @Test
    void givenAnException_whenTheErrorsAreModified_thenTheListRefusesTheChange() {
        ValidationException exception = ValidationException.of("title", "must not be blank");

        assertThatThrownBy(() -> exception.errors().add(new FieldError("due", "must be a date")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void givenAFieldAndMessage_whenUsingOf_thenTheExceptionHoldsThatOneError() {
        ValidationException exception = ValidationException.of("title", "must not be blank");

        assertThat(exception).hasMessage("1 field is invalid").isInstanceOf(DomainException.class);
        assertThat(exception.errors()).containsExactly(new FieldError("title", "must not be blank"));
    }

    @Test
    void givenANullField_whenCreatingAFieldError_thenItIsRefused() {
        assertThatThrownBy(() -> new FieldError(null, "must not be blank"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("field");
    }

    @Test
    void givenANullMessage_whenCreatingAFieldError_thenItIsRefused() {
        assertThatThrownBy(() -> new FieldError("title", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("message");
    }
}
