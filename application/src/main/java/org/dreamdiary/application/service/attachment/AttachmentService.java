package org.dreamdiary.application.service.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.in.attachment.AddLink;
import org.dreamdiary.application.port.in.attachment.DeleteAttachment;
import org.dreamdiary.application.port.in.attachment.GetAttachment;
import org.dreamdiary.application.port.in.attachment.ListAttachments;
import org.dreamdiary.application.port.in.attachment.ReadAttachmentContent;
import org.dreamdiary.application.port.in.attachment.UploadFile;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.Ids;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.attachment.Attachments;
import org.dreamdiary.application.port.out.attachment.BlobStore;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.attachment.AttachmentKind;
import org.dreamdiary.domain.attachment.FileName;
import org.dreamdiary.domain.attachment.LinkUrl;
import org.dreamdiary.domain.attachment.StoredFile;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.user.UserId;

/** The attachment use cases. Metadata and bytes of an upload are written in one transaction. */
public final class AttachmentService
        implements UploadFile, AddLink, GetAttachment, ListAttachments, DeleteAttachment, ReadAttachmentContent {
    private final Attachments attachments;
    private final BlobStore blobs;
    private final Transactions transactions;
    private final Clock clock;
    private final Ids ids;

    public AttachmentService(Attachments attachments, BlobStore blobs, Transactions transactions, Clock clock, Ids ids) {
        this.attachments = attachments;
        this.blobs = blobs;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Attachment upload(UserId owner, ReceivedFile file) {
        // Read once outside the transaction to learn what the file is, so that no connection waits on the disk
        // while the bytes are judged; then store them with their metadata.
        Inspection inspection = inspect(file);
        StoredFile stored = new StoredFile(inspection.format(), inspection.size(), inspection.sha256(),
                inspection.imageSize(), FileName.fromClient(file.clientName()).orElse(null));
        Attachment attachment = Attachment.ofFile(new AttachmentId(ids.next()), owner, stored, clock.now());
        return transactions.inTransaction(() -> {
            attachments.add(attachment);
            try (InputStream content = file.open()) {
                long written = blobs.write(attachment.id(), content);
                if (written != stored.sizeBytes()) {
                    throw new IllegalStateException("the received file changed while it was stored");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading the received file failed", e);
            }
            return attachment;
        });
    }

    private static Inspection inspect(ReceivedFile file) {
        try (InputStream content = file.open()) {
            return Inspection.of(content);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the received file failed", e);
        }
    }

    @Override
    public Attachment addLink(UserId owner, LinkUrl url) {
        Attachment link = Attachment.ofLink(new AttachmentId(ids.next()), owner, url, clock.now());
        return transactions.inTransaction(() -> {
            attachments.add(link);
            return link;
        });
    }

    @Override
    public Attachment attachment(UserId owner, AttachmentId id) {
        return attachments.byId(owner, id).orElseThrow(() -> new NotFoundException("attachment"));
    }

    @Override
    public Page<Attachment> list(UserId owner, AttachmentKind kind, PageRequest page) {
        return attachments.list(owner, kind, page);
    }

    @Override
    public void delete(UserId owner, AttachmentId id, ExpectedVersion expected) {
        transactions.inTransaction(() -> {
            // read all the same: only a file has bytes to free. An attachment never changes, so no version can be
            // overtaken between this check and the delete; only the delete itself can be, by another one.
            Attachment current = expected.checked(attachments.byId(owner, id), Attachment::version, "attachment");
            if (!attachments.delete(owner, id)) {
                throw expected.gone("attachment");
            }
            if (current.hasContent()) {
                blobs.delete(List.of(id));
            }
            return null;
        });
    }

    @Override
    public Content open(UserId reader, AttachmentId id) {
        Attachment attachment = attachments.readable(reader, id)
                .filter(Attachment::hasContent)
                .orElseThrow(() -> new NotFoundException("attachment"));
        return new Content() {
            @Override
            public Attachment attachment() {
                return attachment;
            }

            @Override
            public InputStream read(long offset, long length) {
                return blobs.read(id, offset, length);
            }
        };
    }
}
