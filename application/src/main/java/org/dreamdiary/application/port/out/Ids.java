package org.dreamdiary.application.port.out;

import java.util.UUID;

/** New ids for new things; time-ordered, so that ids sort like creation times and index well. */
@FunctionalInterface
public interface Ids {
    UUID next();
}
