package org.dreamdiary.archfixture.adapter.memory;

import org.slf4j.Logger;

/** Exists to be caught: the memory adapter bringing in a library. */
public final class LogsWithSlf4j {
    Logger log;
}
