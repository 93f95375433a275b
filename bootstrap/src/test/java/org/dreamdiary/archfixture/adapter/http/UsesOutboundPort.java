package org.dreamdiary.archfixture.adapter.http;

import org.dreamdiary.archfixture.application.port.out.Dreams;

/** Exists to be caught: a route going around the use case straight to storage. */
public final class UsesOutboundPort {
    Dreams dreams;
}
