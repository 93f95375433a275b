package org.dreamdiary.adapter.http.routing;

/**
 * Where each resource lives: the base of its {@code self} link and its {@code Location}. Rooms link to each other's
 * resources (a task to its goal, a message to its chat, a profile to its avatar's bytes) through these, never
 * through each other's constants.
 */
public final class ResourcePaths {
    public static final String USERS = "/api/v1/users/";
    public static final String DREAMS = "/api/v1/dreams/";
    public static final String GOALS = "/api/v1/goals/";
    public static final String TASKS = "/api/v1/tasks/";
    public static final String DIARY = "/api/v1/diary/";
    public static final String ATTACHMENTS = "/api/v1/attachments/";
    public static final String CHATS = "/api/v1/chats/";
    public static final String MESSAGES = "/api/v1/messages/";

    private ResourcePaths() {
    }

    /** Where the bytes of attachment {@code id} are served: also the avatar URL of a profile that shows it. */
    public static String attachmentContent(Object id) {
        return ATTACHMENTS + id + "/content";
    }
}
