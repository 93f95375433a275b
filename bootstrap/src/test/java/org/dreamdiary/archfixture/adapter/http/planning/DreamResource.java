package org.dreamdiary.archfixture.adapter.http.planning;

import java.util.List;
import org.dreamdiary.archfixture.adapter.http.attachment.AttachmentResource;

/** Well-behaved: a dream shows the attachments it holds, in the attachment room's own representation. */
public record DreamResource(String id, List<AttachmentResource> attachments) {
}
