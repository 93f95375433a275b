-- Chats, their members and messages. A chat's owner is always one of its members; deleting a chat removes its
-- memberships and messages with it (one statement, so one transaction). Deleting an account removes the chats it
-- owns and its memberships, but keeps what it wrote elsewhere, with author_id set to null.

CREATE TABLE chats (
    id                uuid PRIMARY KEY,
    owner_id          uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title             text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    -- Kept by the statement that adds or removes a message, under this row's lock, so concurrent posts never
    -- lose a count and no request counts the messages of a chat.
    message_count     bigint      NOT NULL DEFAULT 0 CHECK (message_count >= 0),
    last_message_at   timestamptz,
    -- The highest message id ever given out in this chat (deleted or not). A new message's id is made greater
    -- than it while the row is locked, so ids grow in commit order and cursors over them never skip a message.
    last_message_id   uuid,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    version           bigint      NOT NULL
);
CREATE INDEX chats_owner ON chats (owner_id);

CREATE TABLE chat_members (
    chat_id   uuid        NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    user_id   uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    joined_at timestamptz NOT NULL,
    PRIMARY KEY (chat_id, user_id)
);
-- "my chats", and the member list in joining order
CREATE INDEX chat_members_user ON chat_members (user_id, chat_id);
CREATE INDEX chat_members_joined ON chat_members (chat_id, joined_at, user_id);

CREATE TABLE messages (
    id         uuid PRIMARY KEY,
    chat_id    uuid        NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    author_id  uuid        REFERENCES users (id) ON DELETE SET NULL,
    text       text        NOT NULL CHECK (char_length(text) BETWEEN 1 AND 5000),
    created_at timestamptz NOT NULL,
    edited_at  timestamptz,
    version    bigint      NOT NULL
);
-- The latest N of a chat, and both cursor directions, walk this index; no sort of the chat.
CREATE INDEX messages_chat_id ON messages (chat_id, id);
-- Statistics over a date range of one chat.
CREATE INDEX messages_chat_created ON messages (chat_id, created_at);
-- A user's own messages (export), and the SET NULL when an account is deleted.
CREATE INDEX messages_author ON messages (author_id, id);
