package org.dreamdiary.archfixture.adapter.unplugged;

/** Exists to be caught: an adapter that names nothing of the application, so it adapts nothing. */
public final class Unplugged {
    String nothing;
}
