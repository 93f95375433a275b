package org.dreamdiary.archfixture.adapter.http.problem;

import org.dreamdiary.archfixture.adapter.http.routing.Router;

/** Exists to be caught: the other half of the cycle with {@link Router}. */
public final class ErrorMapper {
    Router router;
}
