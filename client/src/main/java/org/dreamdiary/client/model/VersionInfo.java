package org.dreamdiary.client.model;

import java.time.Instant;

/** The running build: the service's version, the Java runtime it runs on, and when the process started. */
public record VersionInfo(String version, String java, Instant startedAt) {
}
