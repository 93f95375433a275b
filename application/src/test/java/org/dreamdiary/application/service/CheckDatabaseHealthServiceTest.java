package org.dreamdiary.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.dreamdiary.application.port.in.CheckDatabaseHealth.DatabaseStatus;
import org.dreamdiary.application.port.out.DatabaseProbe;
import org.junit.jupiter.api.Test;

class CheckDatabaseHealthServiceTest {

    /** A probe that answers what it was told to, or fails the way it was told to, and counts its calls. */
    private static final class FakeProbe implements DatabaseProbe {
        private final DatabaseStatus answer;
        private final RuntimeException failure;
        private int calls;

        private FakeProbe(DatabaseStatus answer, RuntimeException failure) {
            this.answer = answer;
            this.failure = failure;
        }

        static FakeProbe answering(DatabaseStatus answer) {
            return new FakeProbe(answer, null);
        }

        static FakeProbe failingWith(RuntimeException failure) {
            return new FakeProbe(null, failure);
        }

        @Override
        public DatabaseStatus probe() {
            calls++;
            if (failure != null) {
                throw failure;
            }
            return answer;
        }
    }

    @Test
    void givenADatabaseThatAnswers_whenChecked_thenItIsUpWithTheProbedLatency() {
        FakeProbe probe = FakeProbe.answering(DatabaseStatus.up(42));

        DatabaseStatus status = new CheckDatabaseHealthService(probe).check();

        assertThat(status.up()).isTrue();
        assertThat(status.latencyMillis()).isEqualTo(42);
        assertThat(probe.calls).isEqualTo(1);
    }

    @Test
    void givenAProbeThatReportsDown_whenChecked_thenItIsDown() {
        FakeProbe probe = FakeProbe.answering(DatabaseStatus.down());

        assertThat(new CheckDatabaseHealthService(probe).check()).isEqualTo(DatabaseStatus.down());
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
        FakeProbe probe = FakeProbe.answering(DatabaseStatus.up(3));
        CheckDatabaseHealthService service = new CheckDatabaseHealthService(probe);

        service.check();
        service.check();

        assertThat(probe.calls).isEqualTo(2);
    }
}
