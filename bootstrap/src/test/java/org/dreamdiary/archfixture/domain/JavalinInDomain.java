package org.dreamdiary.archfixture.domain;

import io.javalin.http.Context;

/** Exists to be caught: a web framework type in the domain. */
public final class JavalinInDomain {
    Context context;
}
