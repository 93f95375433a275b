package org.dreamdiary.adapter.http.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.dreamdiary.adapter.http.json.Json;
import org.dreamdiary.adapter.http.json.JsonFields;
import org.dreamdiary.adapter.http.json.Utf8;
import org.dreamdiary.adapter.http.problem.HttpProblem;
import org.dreamdiary.adapter.http.problem.ProblemType;

/**
 * Reads a JSON request body: the media type (415), the size (413), and well-formed JSON with nothing after it (400).
 * Kept out of {@code json} because it raises HTTP problems, whose responses are themselves written as JSON:
 * there it closed a package cycle (json → problem → routing → json).
 */
public final class JsonBody {
    /** The largest JSON body accepted: 1 MiB. */
    public static final int MAX_BYTES = 1024 * 1024;
    private static final String BYTES_ATTRIBUTE = "dreamdiary.body";

    private JsonBody() {
    }

    /** The body as a JSON object, ready for {@link JsonFields}. */
    public static JsonFields fields(Context ctx) {
        return new JsonFields(readObject(ctx));
    }

    public static ObjectNode readObject(Context ctx) {
        requireJsonMediaType(ctx);
        byte[] bytes = bytes(ctx);
        if (bytes.length == 0) {
            throw new HttpProblem(ProblemType.BAD_REQUEST, "the request body is empty; a JSON object is expected");
        }
        JsonNode node;
        try {
            node = Json.read(utf8(bytes));
        } catch (JsonProcessingException e) {
            throw new HttpProblem(ProblemType.BAD_REQUEST, "the request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw new HttpProblem(ProblemType.BAD_REQUEST, "the request body must be a JSON object");
        }
        return object;
    }

    /**
     * The body's bytes, at most {@link #MAX_BYTES} ({@code 413} beyond). The stream is read once; whoever asks
     * again (the route after the idempotency check) gets the same bytes.
     */
    public static byte[] bytes(Context ctx) {
        byte[] bytes = ctx.attribute(BYTES_ATTRIBUTE);
        if (bytes == null) {
            bytes = readAtMost(ctx, MAX_BYTES);
            ctx.attribute(BYTES_ATTRIBUTE, bytes);
        }
        return bytes;
    }

    /** JSON text is UTF-8 (RFC 8259 §8.1); bytes that are not, a raw lone surrogate among them, make a malformed body. */
    private static String utf8(byte[] bytes) {
        String text = Utf8.decodeOrNull(bytes);
        if (text == null) {
            throw new HttpProblem(ProblemType.BAD_REQUEST, "the request body is not valid UTF-8");
        }
        return text;
    }

    private static void requireJsonMediaType(Context ctx) {
        String contentType = ctx.header("Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new HttpProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "this route takes Content-Type: application/json"
                            + (contentType == null ? "" : ", not " + contentType));
        }
    }

    /** Reads the body, refusing it as soon as it is known to be larger than {@code limit} bytes. */
    static byte[] readAtMost(Context ctx, int limit) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw tooLarge(limit);
            }
            return bytes;
        } catch (IOException e) {
            // the body is read ahead in memory, so this is a client that went away in the middle of it
            throw new HttpProblem(ProblemType.BAD_REQUEST, "the request body could not be read to its end");
        }
    }

    private static HttpProblem tooLarge(int limit) {
        return new HttpProblem(ProblemType.PAYLOAD_TOO_LARGE, "the request body is larger than " + limit + " bytes");
    }
}
