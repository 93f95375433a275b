package org.dreamdiary.archfixture.client;

import org.dreamdiary.archfixture.domain.Dream;

/** Exists to be caught: the client reaching into the server's domain. */
public final class UsesTheServersDomain {
    Dream dream;
}
