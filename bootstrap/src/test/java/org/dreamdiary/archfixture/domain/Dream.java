package org.dreamdiary.archfixture.domain;

/** A well-behaved domain type: the thing the core and the adapters legitimately share. */
public record Dream(String title) {
}
