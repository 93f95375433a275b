package org.dreamdiary.archfixture.adapter.http.security;

import org.dreamdiary.archfixture.application.port.out.Dreams;
import org.dreamdiary.archfixture.domain.Dream;

/** Well-behaved: the security package may implement an outbound port. */
public final class FixturePasswordHasher implements Dreams {
    @Override
    public void save(Dream dream) {
    }
}
