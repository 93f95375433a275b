package org.dreamdiary.domain.attachment;

/** What an attachment is to its user: a picture, a film, another file, or a link with no bytes of ours. */
public enum AttachmentKind {
    IMAGE, VIDEO, FILE, LINK
}
