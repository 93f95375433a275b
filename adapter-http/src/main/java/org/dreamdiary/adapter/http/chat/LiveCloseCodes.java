package org.dreamdiary.adapter.http.chat;

/** Why the server closes a live socket, as the close code tells the client (4000–4999 are the application's). */
final class LiveCloseCodes {
    /** The server is stopping; reconnect, to another node if there is one. */
    static final int GOING_AWAY = 1001;
    /**
     * The access token expired, or its session ended (logout, password change, account deletion): reconnect with a
     * fresh one.
     */
    static final int TOKEN_ENDED = 4001;
    /** The caller was removed from the chat, or left it. */
    static final int REMOVED = 4003;
    /** The chat was deleted (after the {@code chat.deleted} event). */
    static final int CHAT_DELETED = 4004;
    /** More events waited to be sent than the client took: it fell too far behind. */
    static final int TOO_SLOW = 4008;

    private LiveCloseCodes() {
    }
}
