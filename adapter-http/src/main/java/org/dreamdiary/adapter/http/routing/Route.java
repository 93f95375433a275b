package org.dreamdiary.adapter.http.routing;

/** One registered operation: an HTTP method (upper case) and a path template in OpenAPI syntax. */
public record Route(String method, String path) {
}
