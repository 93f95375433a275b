package org.dreamdiary.application.port.in.attachment;

import java.io.IOException;
import java.io.InputStream;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.user.UserId;

/** Keeps a file the caller uploaded: its format is decided from its bytes, and it is stored whole or not at all. */
public interface UploadFile {
    /**
     * @throws org.dreamdiary.domain.error.UnsupportedContentException when the bytes are none of the accepted formats
     */
    Attachment upload(UserId owner, ReceivedFile file);

    /**
     * A file as received, held by the caller (on disk, not in memory) for as long as the upload runs, so that it
     * can be read more than once: to be inspected, then to be stored.
     */
    interface ReceivedFile {
        /** The name the client gave it, as sent; may be null. */
        String clientName();

        /** A new stream over all its bytes, from the start. */
        InputStream open() throws IOException;
    }
}
