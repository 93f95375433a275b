package org.dreamdiary.adapter.http.ops;

import java.time.Instant;

/** What {@code /health/version} tells: the build's version, the JVM it runs on, and when it started. */
public record ServiceInfo(String version, String java, Instant startedAt) {
    public static ServiceInfo of(String version, Instant startedAt) {
        return new ServiceInfo(version, Runtime.version().toString(), startedAt);
    }
}
