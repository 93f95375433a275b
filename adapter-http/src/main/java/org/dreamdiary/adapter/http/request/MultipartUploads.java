package org.dreamdiary.adapter.http.request;

import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dreamdiary.adapter.http.problem.HttpProblem;
import org.dreamdiary.adapter.http.problem.ProblemType;
import org.dreamdiary.application.port.in.attachment.UploadFile;
import org.dreamdiary.domain.error.FieldError;
import org.dreamdiary.domain.error.ValidationException;
import org.eclipse.jetty.server.MultiPartFormInputStream;

/**
 * Receives a {@code multipart/form-data} upload of exactly one part named {@code file}, never holding it in memory:
 * Jetty's parser streams the body and spools every part larger than {@link #IN_MEMORY_BYTES} to a file in the spool
 * directory. Limits hold while the body streams: a declared {@code Content-Length} beyond the file limit plus
 * {@link #OVERHEAD_BYTES} is refused unread, and a part one byte over the limit stops the reading there; both are
 * {@code 413} and close the connection (the rest of the body cannot be told apart from a next request).
 * <p>
 * The spooled files live as long as their request: {@link #release} deletes them when it is done, whatever happened
 * (answered, failed, client gone). The spool directory is emptied when the service starts, of what a crash left.
 */
public final class MultipartUploads {
    /** The one part an upload has. */
    public static final String FILE_PART = "file";
    /** Parts up to this size stay in memory; larger ones go to the spool directory. */
    static final int IN_MEMORY_BYTES = 16 * 1024;
    /** Room for the boundaries and part headers around the file, beyond the file limit. */
    public static final long OVERHEAD_BYTES = 64 * 1024;
    /** More parts than this are not read at all: an upload has one. */
    private static final int MAX_PARTS = 16;
    private static final String PARSER = MultipartUploads.class.getName() + ".parser";
    private static final String FILE = MultipartUploads.class.getName() + ".file";

    private final Path spool;
    private final long maxFileBytes;

    /** Uploads of at most {@code maxFileBytes} spooled under {@code spool}, which is created, or emptied of leftovers. */
    public MultipartUploads(Path spool, long maxFileBytes) {
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("the upload limit must be positive");
        }
        this.spool = spool;
        this.maxFileBytes = maxFileBytes;
        emptySpool();
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }

    /** Whether the request says it carries {@code multipart/form-data}. */
    public static boolean isMultipart(ServletRequest request) {
        return mediaType(request.getContentType()).equals("multipart/form-data");
    }

    /** The media type of a {@code Content-Type} value, lower case, without parameters; empty when there is none. */
    public static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The request's one file, received in full (read once; asking again gives the same file).
     *
     * @throws HttpProblem         {@code 413} when it is too large, {@code 400} when the body is not well-formed multipart
     * @throws ValidationException when the parts are not exactly one part named {@code file} with content
     */
    public ReceivedFile file(Context ctx) {
        ReceivedFile received = ctx.attribute(FILE);
        if (received == null) {
            received = receive(ctx);
            ctx.attribute(FILE, received);
        }
        return received;
    }

    private ReceivedFile receive(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxFileBytes + OVERHEAD_BYTES) {
            throw tooLarge();
        }
        MultiPartFormInputStream parser;
        try {
            MultipartConfigElement limits = new MultipartConfigElement(spool.toString(), maxFileBytes,
                    maxFileBytes + OVERHEAD_BYTES, IN_MEMORY_BYTES);
            parser = new MultiPartFormInputStream(ctx.req().getInputStream(), ctx.req().getContentType(), limits,
                    spool.toFile(), MAX_PARTS);
        } catch (IOException e) {
            throw malformed();
        }
        // registered before parsing, so that release() finds whatever a failure midway left on disk
        ctx.req().setAttribute(PARSER, parser);
        Collection<Part> parts;
        try {
            parts = parser.getParts();
        } catch (IOException | RuntimeException e) {
            throw refusal(e);
        }
        return onlyFile(parts);
    }

    private static ReceivedFile onlyFile(Collection<Part> parts) {
        List<FieldError> errors = new ArrayList<>();
        List<Part> files = new ArrayList<>();
        for (Part part : parts) {
            if (FILE_PART.equals(part.getName())) {
                files.add(part);
            } else {
                errors.add(new FieldError(String.valueOf(part.getName()), "is not a known part; an upload has one part, " + FILE_PART));
            }
        }
        if (files.isEmpty()) {
            errors.add(0, new FieldError(FILE_PART, "is required: one part with the file's bytes"));
        } else if (files.size() > 1) {
            errors.add(0, new FieldError(FILE_PART, "must be sent once, not " + files.size() + " times"));
        } else if (files.get(0).getSize() == 0) {
            errors.add(0, new FieldError(FILE_PART, "must not be empty"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Part file = files.get(0);
        return new ReceivedFile(file.getSubmittedFileName(), file);
    }

    /** Jetty tells a size limit from a malformed body only by its message; the end-to-end tests hold it to both. */
    private RuntimeException refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            if (message.contains("exceeds max")) {
                return tooLarge();
            }
            if (message.contains("too many parts")) {
                return ValidationException.of(FILE_PART, "an upload has one part, " + FILE_PART + "; this one has more than "
                        + MAX_PARTS);
            }
        }
        return malformed();
    }

    private HttpProblem tooLarge() {
        return new HttpProblem(ProblemType.PAYLOAD_TOO_LARGE, "an upload is at most " + maxFileBytes + " bytes",
                Map.of("Connection", "close"));
    }

    private static HttpProblem malformed() {
        return new HttpProblem(ProblemType.BAD_REQUEST, "the request body is not well-formed multipart/form-data",
                Map.of("Connection", "close"));
    }

    /** Deletes what the request spooled, if it received an upload; called once the request is done. */
    public static void release(ServletRequest request) {
        if (request.getAttribute(PARSER) instanceof MultiPartFormInputStream parser) {
            request.removeAttribute(PARSER);
            parser.deleteParts();
        }
    }

    private void emptySpool() {
        try {
            Files.createDirectories(spool);
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(spool)) {
                for (Path leftover : leftovers) {
                    Files.deleteIfExists(leftover);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the upload spool directory " + spool + " cannot be prepared", e);
        }
    }

    /**
     * The file part of an upload, spooled by the parser: each {@link #open} reads it afresh from the start. Its
     * fingerprint says what was uploaded, independent of how the body was framed (the boundary is random).
     */
    public record ReceivedFile(String clientName, Part part) implements UploadFile.ReceivedFile {
        @Override
        public InputStream open() throws IOException {
            return part.getInputStream();
        }

        /** Adds the part's name, the client's file name and a SHA-256 of the content (read from the spool) to {@code digest}. */
        public void fingerprint(MessageDigest digest) {
            String name = clientName == null ? "-" : "=" + clientName;
            digest.update(("part " + FILE_PART + "\nname" + name + "\n").getBytes(StandardCharsets.UTF_8));
            MessageDigest content = sha256();
            try (InputStream in = new DigestInputStream(open(), content)) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException("reading the spooled upload failed", e);
            }
            digest.update(content.digest());
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }
    }
}
