package org.dreamdiary.archfixture.application.service;

import org.jdbi.v3.core.Jdbi;

/** Exists to be caught: a use case talking to the database library instead of an outbound port. */
public final class UsesJdbi {
    Jdbi jdbi;
}
