package org.dreamdiary.archfixture.domain;

import org.dreamdiary.archfixture.adapter.http.DreamRoutes;

/** Exists to be caught: the domain using an adapter, which (as the adapter uses the domain) also makes a cycle. */
public final class ReachesIntoHttpAdapter {
    DreamRoutes routes;
}
