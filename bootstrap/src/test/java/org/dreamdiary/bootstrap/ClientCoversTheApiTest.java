package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.dreamdiary.adapter.http.ops.ApiDocsRoutes;
import org.dreamdiary.client.DreamDiaryClient;
import org.dreamdiary.client.api.OperationId;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document and the Java client are one source of truth: every operation of the document has a client
 * method (a group method marked with its {@code operationId}), and every such method names an operation of the
 * document.
 */
class ClientCoversTheApiTest {
    private static final String CLIENT_GROUPS = "org.dreamdiary.client.api";

    @Test
    void everyOperationOfTheDocumentHasAClientMethodAndEveryClientMethodAnOperation() {
        Set<String> documented = operationIds(ApiDocsRoutes.document());
        Set<String> sent = clientOperationIds();

        assertThat(documented).as("the document lists its operations").hasSizeGreaterThan(50);
        assertThat(difference(documented, sent)).as("operations of the document without a client method").isEmpty();
        assertThat(difference(sent, documented)).as("client methods naming no operation of the document").isEmpty();
    }

    @Test
    void anOperationAddedToTheDocumentWithoutAClientMethodIsReported() {
        JsonNode document = ApiDocsRoutes.document().deepCopy();
        ((ObjectNode) document.get("paths")).putObject("/api/v1/wishes")
                .putObject("get").put("operationId", "listWishes");

        assertThat(difference(operationIds(document), clientOperationIds())).containsExactly("listWishes");
    }

    private static Set<String> operationIds(JsonNode document) {
        Set<String> ids = new TreeSet<>();
        document.get("paths").forEach(path -> path.forEach(operation -> {
            if (operation.has("operationId")) {
                ids.add(operation.get("operationId").asText());
            }
        }));
        return ids;
    }

    /** The operations the client's groups send: each group is what a public method of the client returns. */
    private static Set<String> clientOperationIds() {
        return Arrays.stream(DreamDiaryClient.class.getMethods())
                .map(Method::getReturnType)
                .filter(type -> type.getPackageName().equals(CLIENT_GROUPS))
                .flatMap(group -> Arrays.stream(group.getMethods()))
                .filter(method -> Modifier.isPublic(method.getModifiers()) && method.isAnnotationPresent(OperationId.class))
                .map(method -> method.getAnnotation(OperationId.class).value())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> difference(Set<String> these, Set<String> those) {
        Set<String> left = new TreeSet<>(these);
        left.removeAll(those);
        return left;
    }
}
