package org.dreamdiary.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.dreamdiary.application.port.in.CheckDatabaseHealth.DatabaseStatus;
import org.dreamdiary.application.port.out.DatabaseProbe;
import org.junit.jupiter.api.Test;

class CheckDatabaseHealthServiceTest {

    /** A probe that answers a round trip it was told, or fails the way it was told to, and counts its calls. */
    private static final class FakeProbe implements DatabaseProbe {
        private final long roundTrip;
        private final RuntimeException failure;
        private int calls;

        private FakeProbe(long roundTrip, RuntimeException failure) {
            this.roundTrip = roundTrip;
            this.failure = failure;
        }

        static FakeProbe answeringIn(long millis) {
            return new FakeProbe(millis, null);
        }

        static FakeProbe failingWith(RuntimeException failure) {
            return new FakeProbe(0, failure);
        }

        @Override
        public long roundTripMillis() {
            calls++;
            if (failure != null) {
                throw failure;
            }
            return roundTrip;
        }
    }

    @Test
    void givenADatabaseThatAnswers_whenChecked_thenItIsUpWithTheProbedLatency() {
        FakeProbe probe = FakeProbe.answeringIn(42);

        DatabaseStatus status = new CheckDatabaseHealthService(probe).check();

        assertThat(status.up()).isTrue();
        assertThat(status.latencyMillis()).isEqualTo(42);
        assertThat(probe.calls).isEqualTo(1);
    }

    @Test
    void givenAProbeThatThrows_whenChecked_thenTheDatabaseIsReportedDownInsteadOfFailing() {
        FakeProbe probe = FakeProbe.failingWith(new IllegalStateException("connection refused"));

        DatabaseStatus status = new CheckDatabaseHealthService(probe).check();

        assertThat(status).isEqualTo(DatabaseStatus.down());
        assertThat(status.up()).isFalse();
        assertThat(status.latencyMillis()).isEqualTo(-1);
        assertThat(probe.calls).isEqualTo(1);
    }

    @Test
    void givenTwoChecks_whenRun_thenEachAsksTheProbeAfresh() {
        FakeProbe probe = FakeProbe.answeringIn(3);
        CheckDatabaseHealthService service = new CheckDatabaseHealthService(probe);

        service.check();
        service.check();

        assertThat(probe.calls).isEqualTo(2);
    }
}
