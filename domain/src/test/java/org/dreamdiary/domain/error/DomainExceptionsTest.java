package org.dreamdiary.domain.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The failures the edges map to responses: each keeps the message it was given, and says when to retry. */
class DomainExceptionsTest {

    @Test
    void tooManyAttemptsSaysWhenTheNextTryMaySucceed() {
        TooManyAttemptsException exception = new TooManyAttemptsException("too many sign-ins", Duration.ofSeconds(30));

        assertThat(exception).isInstanceOf(RetryLaterException.class).hasMessage("too many sign-ins");
        assertThat(exception.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void unavailableStorageSaysWhenTheRequestMaySucceed() {
        StorageUnavailableException exception =
                new StorageUnavailableException("the database cannot be reached", Duration.ofSeconds(5));

        assertThat(exception).isInstanceOf(RetryLaterException.class).hasMessage("the database cannot be reached");
        assertThat(exception.retryAfter()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aStaleVersionSaysTheThingWasChangedBySomeoneElse() {
        assertThat(new StaleVersionException("the dream")).hasMessage("the dream was changed by someone else");
    }

    @Test
    void aVersionOfSomethingGoneSaysItIsNotThere() {
        assertThat(StaleVersionException.gone("the task")).hasMessage("the task is not there (any more)");
    }

    @Test
    void refusalsWithoutRetryKeepTheirMessage() {
        assertThat(new UnauthenticatedException("invalid credentials"))
                .isInstanceOf(DomainException.class).hasMessage("invalid credentials");
        assertThat(new UnsupportedContentException("not an accepted file format"))
                .isInstanceOf(DomainException.class).hasMessage("not an accepted file format");
    }

    @Test
    void aDomainFailureCarriesNoStackTraceAndNoCause() {
        DomainException exception = new UnauthenticatedException("invalid credentials");

        assertThat(exception.getStackTrace()).isEmpty();
        assertThat(exception.getCause()).isNull();
    }
}
