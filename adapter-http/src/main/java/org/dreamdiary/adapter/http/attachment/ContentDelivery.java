package org.dreamdiary.adapter.http.attachment;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import org.dreamdiary.adapter.http.conditional.Conditional;
import org.dreamdiary.application.port.in.attachment.ReadAttachmentContent;
import org.dreamdiary.domain.attachment.StoredFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a file's bytes: its detected {@code Content-Type}, {@code Content-Disposition}, the SHA-256 of the bytes as
 * strong {@code ETag} ({@code If-None-Match} gives {@code 304}), and one {@code Range} ({@code 206}; {@code If-Range}
 * with the ETag is honoured). The bytes are streamed from the store as the client takes them, in bounded memory.
 * Content never changes under its id, so it may be cached for long, but only privately: it is the owner's.
 */
final class ContentDelivery {
    static final String CACHE_CONTROL = "private, max-age=31536000, immutable";
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ContentDelivery.class);

    private ContentDelivery() {
    }

    static void send(Context ctx, ReadAttachmentContent.Content content) throws IOException {
        StoredFile file = content.attachment().file();
        long size = file.sizeBytes();
        String etag = '"' + file.sha256().hex() + '"';
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", CACHE_CONTROL);
        ctx.header("Accept-Ranges", "bytes");
        if (Conditional.isCurrent(ctx, etag)) {
            ctx.status(304);
            return;
        }
        String ifRange = ctx.header("If-Range");
        Optional<ByteRange> range = ifRange == null || ifRange.strip().equals(etag)
                ? ByteRange.of(ctx.header("Range"), size)
                : Optional.empty();
        ByteRange sent = range.orElse(new ByteRange(0, size - 1));
        // opened before any header of the content is set: a store that has lost the bytes answers a clean problem
        try (InputStream in = content.read(sent.first(), sent.length())) {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Content-Disposition", ContentDisposition.of(content.attachment()));
            ctx.contentType(file.format().mediaType());
            if (range.isPresent()) {
                ctx.status(206);
                ctx.header("Content-Range", sent.contentRange(size));
            } else {
                ctx.status(200);
            }
            ctx.res().setContentLengthLong(sent.length());
            copy(in, ctx.res().getOutputStream(), content);
        }
    }

    /**
     * A failure to read is the store's and goes up to be logged; a failure to write is a client that went away (a
     * player that seeks drops the connection it no longer needs): nothing to answer, nothing to log loudly.
     */
    private static void copy(InputStream in, OutputStream out, ReadAttachmentContent.Content content) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            try {
                out.write(buffer, 0, n);
            } catch (IOException clientGone) {
                LOG.debug("the client stopped reading the content of {}", content.attachment().id());
                return;
            }
        }
    }
}
