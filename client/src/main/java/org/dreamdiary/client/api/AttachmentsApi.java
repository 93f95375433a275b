package org.dreamdiary.client.api;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dreamdiary.client.call.Call;
import org.dreamdiary.client.internal.Body;
import org.dreamdiary.client.internal.Paths;
import org.dreamdiary.client.internal.Request;
import org.dreamdiary.client.internal.Transport;
import org.dreamdiary.client.model.Attachment;
import org.dreamdiary.client.model.AttachmentQuery;
import org.dreamdiary.client.model.ByteRange;
import org.dreamdiary.client.model.NewLink;
import org.dreamdiary.client.model.Page;
import org.dreamdiary.client.model.PartialContent;

/**
 * Attachments: files the user uploads (photos, videos, PDFs) and links, to attach to dreams, tasks and diary entries.
 * Uploads and downloads stream: a file is never held in memory whole, on either side of the call.
 */
public final class AttachmentsApi {
    private static final String ATTACHMENTS = Paths.API + "/attachments";
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

    private final Transport transport;
    private final Resources<Attachment> attachments;

    public AttachmentsApi(Transport transport) {
        this.transport = transport;
        this.attachments = new Resources<>(transport, ATTACHMENTS, Attachment.class);
    }

    /**
     * Uploads a file under its own name. The service decides its kind from its bytes (JPEG, PNG, GIF, WebP, MP4,
     * WebM, PDF; anything else is {@code UnsupportedMediaTypeException}). The file is read as it is sent, and read
     * again if the upload is retried; one that cannot be read fails the call with an {@link UncheckedIOException}.
     */
    @OperationId("createAttachment")
    public Call<Attachment> upload(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            throw new IllegalArgumentException(file + " names no file");
        }
        return upload(() -> {
            try {
                return BodyPublishers.ofFile(file);
            } catch (FileNotFoundException e) {
                throw new UncheckedIOException(e);
            }
        }, name.toString(), true);
    }

    /**
     * Uploads the bytes {@code in} holds, to be downloaded as {@code filename}, reading them as they are sent. A
     * stream cannot be read twice, so this upload is never retried; the caller closes {@code in}.
     */
    @OperationId("createAttachment")
    public Call<Attachment> upload(InputStream in, String filename) {
        return upload(() -> BodyPublishers.ofInputStream(() -> in), filename, false);
    }

    /** Keeps a link as an attachment: metadata only, no bytes. */
    @OperationId("createAttachment")
    public Call<Attachment> link(URI url) {
        return attachments.create(new NewLink(url));
    }

    /** One page of the user's attachments, newest first. */
    @OperationId("listAttachments")
    public Call<Page<Attachment>> list(AttachmentQuery query) {
        return attachments.page(listing(query));
    }

    /** Every attachment the query selects, from its page on, fetched a page at a time as the stream is read. */
    @OperationId("listAttachments")
    public Stream<Attachment> all(AttachmentQuery query) {
        return attachments.all(listing(query));
    }

    @OperationId("getAttachment")
    public Call<Attachment> get(UUID id) {
        return attachments.get(id);
    }

    /** Deletes the attachment and detaches it from every dream, task, diary entry and profile that holds it. */
    @OperationId("deleteAttachment")
    public Call<Void> delete(UUID id) {
        return attachments.delete(id);
    }

    /** The file's bytes as they arrive, for the caller to read and close. A link has none: its content is not found. */
    @OperationId("getAttachmentContent")
    public Call<InputStream> content(UUID id) {
        return transport.call(Request.get(contentOf(id)), Body.stream());
    }

    /**
     * The bytes of {@code range} as they arrive, with where they lie in the file: for seeking in a video or resuming
     * a download. A range that starts past the end is {@code RangeNotSatisfiableException}.
     */
    @OperationId("getAttachmentContent")
    public Call<PartialContent> content(UUID id, ByteRange range) {
        return transport.call(Request.get(contentOf(id)).header("Range", range.header()),
                info -> BodySubscribers.mapping(BodySubscribers.ofInputStream(), in -> partial(info.headers(), in)));
    }

    /** Writes the file's bytes to {@code target} as they arrive, replacing what it held; the result is {@code target}. */
    @OperationId("getAttachmentContent")
    public Call<Path> download(UUID id, Path target) {
        return transport.call(Request.get(contentOf(id)), Body.file(target));
    }

    private static String contentOf(UUID id) {
        return Paths.of(ATTACHMENTS, id, "content");
    }

    private Call<Attachment> upload(Supplier<BodyPublisher> file, String filename, boolean repeatable) {
        String boundary = "dream-diary-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + quoted(filename) + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        Supplier<BodyPublisher> body = () -> BodyPublishers.concat(BodyPublishers.ofByteArray(head), file.get(),
                BodyPublishers.ofByteArray(tail));
        return attachments.create(body, "multipart/form-data; boundary=" + boundary, repeatable);
    }

    /** A file name inside a quoted string: backslash and quote escaped; a line break would end the header. */
    private static String quoted(String filename) {
        if (filename.isEmpty() || filename.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            throw new IllegalArgumentException("a file name is one line of at least one character");
        }
        return filename.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Where the bytes of a ranged answer lie: its {@code Content-Range}, or the whole file when it sent all. */
    private static PartialContent partial(HttpHeaders headers, InputStream in) {
        Matcher range = CONTENT_RANGE.matcher(headers.firstValue("Content-Range").orElse(""));
        if (range.matches()) {
            return new PartialContent(Long.parseLong(range.group(1)), Long.parseLong(range.group(2)),
                    Long.parseLong(range.group(3)), in);
        }
        long size = headers.firstValueAsLong("Content-Length").orElse(-1);
        if (size < 0) {
            IllegalStateException unknown = new IllegalStateException(
                    "the service's answer says neither which bytes it holds nor how many");
            try {
                in.close();
            } catch (IOException e) {
                unknown.addSuppressed(e);
            }
            throw unknown;
        }
        return new PartialContent(0, size - 1, size, in);
    }

    private static Request listing(AttachmentQuery query) {
        return Paths.paged(Request.get(ATTACHMENTS).query("kind", query.kind()), query.page());
    }
}
