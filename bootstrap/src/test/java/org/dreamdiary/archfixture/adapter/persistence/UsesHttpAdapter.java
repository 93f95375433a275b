package org.dreamdiary.archfixture.adapter.persistence;

import org.dreamdiary.archfixture.adapter.http.DreamRoutes;

/** Exists to be caught: one adapter depending on another. */
public final class UsesHttpAdapter {
    DreamRoutes routes;
}
