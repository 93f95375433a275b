package org.dreamdiary.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dreamdiary.adapter.http.ops.ApiDocsRoutes;

/**
 * The operations of the OpenAPI document, with their parameters and body fields resolved, so that tests can
 * generate requests for every route and a route added later is covered without anyone listing it.
 */
final class OpenApiOperations {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch");

    private OpenApiOperations() {
    }

    /** A parameter: its name, where it goes ({@code query}, {@code path}, {@code header}), and its schema format. */
    record Parameter(String name, String in, String format) {
    }

    record Operation(String method, String path, List<Parameter> parameters, List<String> dateBodyFields) {
        List<Parameter> in(String where) {
            return parameters.stream().filter(parameter -> parameter.in().equals(where)).toList();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Operation> all() {
        JsonNode document = ApiDocsRoutes.document();
        List<Operation> operations = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (HTTP_METHODS.contains(entry.getKey())) {
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode node : List.of(path.getValue().path("parameters"), entry.getValue().path("parameters"))) {
                    node.forEach(parameter -> parameters.add(parameter(document, resolve(document, parameter))));
                }
                operations.add(new Operation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(), parameters,
                        dateFields(document, entry.getValue())));
            }
        }));
        return operations;
    }

    private static Parameter parameter(JsonNode document, JsonNode parameter) {
        JsonNode schema = resolve(document, parameter.path("schema"));
        return new Parameter(parameter.get("name").asText(), parameter.get("in").asText(), schema.path("format").asText());
    }

    /** The {@code format: date} properties of the operation's JSON body. */
    private static List<String> dateFields(JsonNode document, JsonNode operation) {
        JsonNode schema = resolve(document, operation.path("requestBody").path("content").path("application/json").path("schema"));
        List<String> fields = new ArrayList<>();
        schema.path("properties").properties().forEach(property -> {
            if (resolve(document, property.getValue()).path("format").asText().equals("date")) {
                fields.add(property.getKey());
            }
        });
        return fields;
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode resolved = node;
        while (resolved.has("$ref")) {
            String pointer = resolved.get("$ref").asText().substring(1);
            resolved = document.at(pointer);
        }
        return resolved;
    }
}
