package org.dreamdiary.application.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.dreamdiary.application.port.out.attachment.BlobStore;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.error.NotFoundException;

/** What a blob store holds, as its port tells: reading an empty range of content that is not there is not found. */
public final class Contents {
    private Contents() {
    }

    public static boolean held(BlobStore blobs, AttachmentId id) {
        try {
            blobs.read(id, 0, 0).close();
            return true;
        } catch (NotFoundException gone) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
