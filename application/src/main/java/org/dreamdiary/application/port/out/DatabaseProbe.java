package org.dreamdiary.application.port.out;

/** Asks the database a trivial question to learn whether it answers, and how fast. */
public interface DatabaseProbe {
    /** The round trip in milliseconds; throws when the database does not answer, which is how the core learns it is down. */
    long roundTripMillis();
}
