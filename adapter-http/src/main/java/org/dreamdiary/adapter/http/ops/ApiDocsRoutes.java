package org.dreamdiary.adapter.http.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.dreamdiary.adapter.http.json.Json;
import org.dreamdiary.adapter.http.routing.Respond;
import org.dreamdiary.adapter.http.routing.RouteGroup;
import org.dreamdiary.adapter.http.routing.Router;
import org.dreamdiary.domain.error.NotFoundException;

/**
 * The OpenAPI document at {@code /openapi.json}, and Swagger UI ({@code /docs}) and ReDoc ({@code /redoc})
 * served from jars on the module path, so the docs work with no internet access.
 */
public final class ApiDocsRoutes implements RouteGroup {
    private static final Map<String, String> DOCS_ASSETS = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png");
    private static final Map<String, String> REDOC_ASSETS = Map.of(
            "redoc.standalone.js", "text/javascript; charset=utf-8");

    /**
     * Reading the 150 kB YAML document takes half a second of a cold JVM: it is read beside the rest of the start,
     * not before the service may answer, and the first request for it waits for it if need be.
     */
    private final CompletableFuture<byte[]> documentJson = CompletableFuture.supplyAsync(() -> Json.write(document()),
            runnable -> {
                Thread reader = new Thread(runnable, "openapi-reader");
                reader.setDaemon(true);
                reader.start();
            });
    private final byte[] swaggerUiPage = ownResource("/openapi/swagger-ui.html");
    private final byte[] redocPage = ownResource("/openapi/redoc.html");
    private final String swaggerUiFolder;
    private final String redocFolder;

    public ApiDocsRoutes() {
        Properties versions = new Properties();
        try {
            versions.load(new ByteArrayInputStream(ownResource("/openapi/webjars.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.swaggerUiFolder = "META-INF/resources/webjars/swagger-ui/" + versions.getProperty("swagger-ui") + "/";
        this.redocFolder = "META-INF/resources/webjars/redoc/" + versions.getProperty("redoc") + "/bundles/";
    }

    /** The OpenAPI document as a tree, read from this module's resources. */
    public static JsonNode document() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(ownResource("/openapi/openapi.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document cannot be read", e);
        }
    }

    @Override
    public void register(Router router) {
        router.get("/openapi.json", ctx -> Respond.bytes(ctx, 200, documentJson.join()));
        router.get("/docs", ctx -> ctx.contentType("text/html; charset=utf-8").result(swaggerUiPage));
        router.get("/redoc", ctx -> ctx.contentType("text/html; charset=utf-8").result(redocPage));
        router.get("/docs/{asset}", ctx -> asset(ctx, swaggerUiFolder, DOCS_ASSETS));
        router.get("/redoc/{asset}", ctx -> asset(ctx, redocFolder, REDOC_ASSETS));
    }

    /** Serves a file of a webjar; only the files the pages use are reachable, so nothing else of the jars leaks. */
    private static void asset(Context ctx, String folder, Map<String, String> allowed) throws IOException {
        String name = ctx.pathParam("asset");
        String contentType = allowed.get(name);
        if (contentType == null) {
            throw new NotFoundException("asset " + name);
        }
        try (InputStream in = ApiDocsRoutes.class.getClassLoader().getResourceAsStream(folder + name)) {
            if (in == null) {
                throw new IllegalStateException("webjar resource " + folder + name + " is missing from the module path");
            }
            ctx.header("Cache-Control", "public, max-age=86400").contentType(contentType).result(in.readAllBytes());
        }
    }

    private static byte[] ownResource(String name) {
        try (InputStream in = ApiDocsRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the adapter-http module");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " cannot be read", e);
        }
    }
}
