package org.dreamdiary.archfixture.persistence.contract;

import org.dreamdiary.archfixture.application.port.out.Dreams;
import org.dreamdiary.archfixture.domain.Dream;
import org.junit.jupiter.api.Test;

/** A well-behaved contract of the kit: the port, the domain and JUnit. */
public abstract class DreamsContract {
    protected abstract Dreams dreams();

    @Test
    void givenADream_whenSaved_thenTheStoreTakesIt() {
        dreams().save(new Dream("fly"));
    }
}
