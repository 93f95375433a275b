-- Accounts, login sessions with rotating refresh tokens, and failed-login counters shared by every node.

-- Trigram indexes serve the case-insensitive substring search of GET /users?q=.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE TABLE users (
    id                   uuid PRIMARY KEY,
    username             text        NOT NULL CHECK (username ~ '^[A-Za-z0-9_.-]{3,32}$'),
    email                text        CHECK (char_length(email) BETWEEN 3 AND 254),
    full_name            text        CHECK (char_length(full_name) BETWEEN 1 AND 200),
    phone_number         text        CHECK (phone_number ~ '^\+[0-9]{7,15}$'),
    avatar_attachment_id uuid,
    password_hash        text        NOT NULL,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    version              bigint      NOT NULL DEFAULT 1
);
-- Unique ignoring case, decided by the database so that two concurrent registrations cannot both win.
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_search ON users USING gin ((lower(username || ' ' || coalesce(full_name, ''))) public.gin_trgm_ops);
-- The user list is ordered by username, ties broken by id.
CREATE INDEX users_order ON users (lower(username), id);

CREATE TABLE sessions (
    id         uuid PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Only hashes of refresh tokens are stored. A used token stays (used_at set) so that presenting it again
-- is recognised as theft and revokes its session.
CREATE TABLE refresh_tokens (
    token_hash bytea PRIMARY KEY,
    session_id uuid        NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id);

CREATE TABLE login_failures (
    scope     text        NOT NULL CHECK (scope IN ('username', 'ip')),
    key       text        NOT NULL,
    failed_at timestamptz NOT NULL
);
CREATE INDEX login_failures_lookup ON login_failures (scope, key, failed_at);
CREATE INDEX login_failures_age ON login_failures (failed_at);
