package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dreamdiary.testsupport.TestDatabase;
import org.dreamdiary.testsupport.TestSchema;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class JdbiDatabaseProbeTest {
    @Test
    void givenReachableDatabase_whenProbed_thenTheRoundTripIsMeasured() {
        TestSchema schema = TestDatabase.freshSchema();
        long millis = new JdbiDatabaseProbe(Jdbi.create(schema.jdbcUrl(), schema.user(), schema.password())).roundTripMillis();
        assertThat(millis).isBetween(0L, 5_000L);
    }

    @Test
    void givenUnreachableDatabase_whenProbed_thenItThrows() {
        Jdbi nowhere = Jdbi.create("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1", "nobody", "");
        assertThatThrownBy(() -> new JdbiDatabaseProbe(nowhere).roundTripMillis()).isInstanceOf(RuntimeException.class);
    }
}
