package org.dreamdiary.application.service;

import org.dreamdiary.application.change.ExpectedVersion;

/**
 * The expected version of a client that read a resource at a version (over HTTP: its If-Match with that ETag), named
 * for the resource so that a test reads as the request it stands for.
 */
public final class VersionPreconditions {
    private VersionPreconditions() {
    }

    public static ExpectedVersion dreamAt(long version) {
        return ExpectedVersion.of(version);
    }

    public static ExpectedVersion goalAt(long version) {
        return ExpectedVersion.of(version);
    }

    public static ExpectedVersion taskAt(long version) {
        return ExpectedVersion.of(version);
    }

    public static ExpectedVersion entryAt(long version) {
        return ExpectedVersion.of(version);
    }

    public static ExpectedVersion chatAt(long version) {
        return ExpectedVersion.of(version);
    }

    public static ExpectedVersion messageAt(long version) {
        return ExpectedVersion.of(version);
    }

    public static ExpectedVersion profileAt(long version) {
        return ExpectedVersion.of(version);
    }
}
