package org.dreamdiary.archfixture.adapter.http.attachment;

/** A room's routes, with a helper no other room may reach for. */
public final class AttachmentRoutes {
    private AttachmentRoutes() {
    }

    public static String contentUrl(String id) {
        return "/attachments/" + id + "/content";
    }
}
