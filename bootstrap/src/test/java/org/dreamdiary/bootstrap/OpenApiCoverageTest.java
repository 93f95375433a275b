package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.dreamdiary.adapter.http.ops.ApiDocsRoutes;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is the single source of truth: it names every route the server has, and no other. */
class OpenApiCoverageTest {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void everyRegisteredRouteIsDocumentedAndEveryDocumentedRouteIsRegistered() {
        try (RunningService service = RunningService.start()) {
            Set<String> registered = service.application().http().routes().stream()
                    .map(route -> route.method() + " " + route.path())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(registered).isNotEmpty();
            assertThat(documented()).isEqualTo(registered);
        }
    }

    @Test
    void everyOperationHasAUniqueIdAndAProblemResponse() {
        Set<String> ids = new TreeSet<>();
        ApiDocsRoutes.document().get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (HTTP_METHODS.contains(operation.getKey())) {
                JsonNode body = operation.getValue();
                assertThat(ids.add(body.get("operationId").asText())).as("operationId of %s %s", operation.getKey(), path.getKey()).isTrue();
                assertThat(body.get("responses").has("default")).as("default response of %s", path.getKey()).isTrue();
            }
        }));
    }

    @Test
    void everyApiOperationDeclaresTheOutageResponseWithRetryAfter() {
        Set<String> without = new TreeSet<>();
        ApiDocsRoutes.document().get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (path.getKey().startsWith("/api/") && HTTP_METHODS.contains(operation.getKey())) {
                JsonNode unavailable = operation.getValue().get("responses").get("503");
                if (unavailable == null || !"#/components/responses/ServiceUnavailable".equals(unavailable.path("$ref").asText())) {
                    without.add(operation.getKey() + " " + path.getKey());
                }
            }
        }));
        assertThat(without).isEmpty();
        assertThat(ApiDocsRoutes.document().at("/components/responses/ServiceUnavailable/headers/Retry-After/required")
                .asBoolean()).isTrue();
    }

    static Set<String> documented() {
        Set<String> operations = new TreeSet<>();
        ApiDocsRoutes.document().get("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (HTTP_METHODS.contains(method)) {
                operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }
}
