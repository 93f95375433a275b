-- Attachments: the metadata of uploaded files and of links, the bytes of files, and what holds them.

CREATE TABLE attachments (
    id           uuid PRIMARY KEY,
    owner_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind         text        NOT NULL CHECK (kind IN ('image', 'video', 'file', 'link')),
    -- a file's format, decided from its bytes; null for a link
    content_type text        CHECK (content_type IN ('image/jpeg', 'image/png', 'image/gif', 'image/webp',
                                                     'video/mp4', 'video/webm', 'application/pdf')),
    size_bytes   bigint      CHECK (size_bytes > 0),
    sha256       text        CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    width        integer     CHECK (width > 0),
    height       integer     CHECK (height > 0),
    filename     text        CHECK (char_length(filename) BETWEEN 1 AND 255),
    url          text        CHECK (char_length(url) BETWEEN 1 AND 2048),
    created_at   timestamptz NOT NULL,
    -- a link has a URL and nothing of a file; a file has all of its facts and no URL
    CHECK (CASE WHEN kind = 'link'
                THEN url IS NOT NULL AND content_type IS NULL AND size_bytes IS NULL AND sha256 IS NULL
                     AND filename IS NULL
                ELSE url IS NULL AND content_type IS NOT NULL AND size_bytes IS NOT NULL AND sha256 IS NOT NULL END),
    CHECK ((width IS NULL) = (height IS NULL) AND (width IS NULL OR kind = 'image'))
);
CREATE INDEX attachments_owner_created ON attachments (owner_id, created_at DESC, id DESC);
CREATE INDEX attachments_owner_kind_created ON attachments (owner_id, kind, created_at DESC, id DESC);

-- The default BlobStore: a file's bytes in fixed-size chunks, written in the transaction that writes its metadata
-- (which comes first), so the foreign key holds at every commit and deleting the metadata, or its owner, frees them.
CREATE TABLE blob_chunks (
    blob_id    uuid        NOT NULL REFERENCES attachments (id) ON DELETE CASCADE,
    seq        integer     NOT NULL CHECK (seq >= 0),
    data       bytea       NOT NULL,
    PRIMARY KEY (blob_id, seq)
);
-- Pictures and films are compressed already: out-of-line storage without another attempt at compressing them.
ALTER TABLE blob_chunks ALTER COLUMN data SET STORAGE EXTERNAL;

-- What holds an attachment, in the order the owner gave. Deleting either side removes the link.
CREATE TABLE dream_attachments (
    dream_id      uuid    NOT NULL REFERENCES dreams (id) ON DELETE CASCADE,
    attachment_id uuid    NOT NULL REFERENCES attachments (id) ON DELETE CASCADE,
    position      integer NOT NULL,
    PRIMARY KEY (dream_id, attachment_id)
);
CREATE INDEX dream_attachments_attachment ON dream_attachments (attachment_id);

CREATE TABLE task_attachments (
    task_id       uuid    NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    attachment_id uuid    NOT NULL REFERENCES attachments (id) ON DELETE CASCADE,
    position      integer NOT NULL,
    PRIMARY KEY (task_id, attachment_id)
);
CREATE INDEX task_attachments_attachment ON task_attachments (attachment_id);

CREATE TABLE diary_entry_attachments (
    entry_id      uuid    NOT NULL REFERENCES diary_entries (id) ON DELETE CASCADE,
    attachment_id uuid    NOT NULL REFERENCES attachments (id) ON DELETE CASCADE,
    position      integer NOT NULL,
    PRIMARY KEY (entry_id, attachment_id)
);
CREATE INDEX diary_entry_attachments_attachment ON diary_entry_attachments (attachment_id);

-- Who shows an attachment as avatar (any signed-in user may read its content). No foreign key: deleting an
-- attachment clears the avatar itself, giving the profile a new version, and a user's own rows go with the user.
CREATE INDEX users_avatar ON users (avatar_attachment_id) WHERE avatar_attachment_id IS NOT NULL;
