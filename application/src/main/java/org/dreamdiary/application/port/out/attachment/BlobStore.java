package org.dreamdiary.application.port.out.attachment;

import java.io.InputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.dreamdiary.domain.attachment.AttachmentId;

/**
 * The bytes of uploaded files, kept under their attachment's id. Nothing here ever holds a whole file in memory:
 * content goes in and comes out as streams, in pieces of bounded size.
 * <p>
 * {@link #write} and {@link #delete} are called inside the use case's transaction and take effect with it: a store
 * in the database writes in that very transaction; a store outside it undoes a write when the transaction rolls
 * back and deletes only once it commits.
 */
public interface BlobStore {
    /**
     * Stores all of {@code content} under {@code id} (which holds nothing yet) and answers how many bytes it took.
     * A failure midway keeps none of them.
     */
    long write(AttachmentId id, InputStream content);

    /**
     * {@code length} bytes of the content of {@code id} from {@code offset}, read lazily as the stream is consumed.
     * The range lies within the content, whose size the caller knows from its metadata.
     *
     * @throws org.dreamdiary.domain.error.NotFoundException when nothing is stored under {@code id}
     */
    InputStream read(AttachmentId id, long offset, long length);

    /** Frees the content of each of {@code ids}; an id with nothing stored is no error. */
    void delete(Collection<AttachmentId> ids);

    /**
     * Up to {@code limit} ids with content stored before {@code cutoff}: with {@code Attachments#existing} they
     * find content that lost its metadata to a crash. Successive calls may answer different ids, so that repeated
     * purges come to all content however much of it has metadata. A store whose writes share the metadata's
     * transaction never has such content, and may answer none.
     */
    List<AttachmentId> storedBefore(Instant cutoff, int limit);
}
