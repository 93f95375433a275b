package org.dreamdiary.archfixture.adapter.http.routing;

import org.dreamdiary.archfixture.adapter.http.problem.ErrorMapper;

/** Exists to be caught: one half of a cycle between two packages of the same module. */
public final class Router {
    ErrorMapper errors;
}
