package org.dreamdiary.client.model;

/**
 * The database answered the service's probe: {@code status} {@code "ok"}, {@code database} {@code "up"}, and the probe
 * query's round trip in milliseconds.
 */
public record DatabaseHealth(String status, String database, long latencyMs) {
}
