-- Dreams, goals formed from them, tasks of goals, and the champion's diary. Every table carries its owner, so
-- every query is scoped by owner_id in SQL; deleting a user removes all of it.

CREATE TABLE dreams (
    id          uuid PRIMARY KEY,
    owner_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name        text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    description text        CHECK (char_length(description) <= 10000),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    version     bigint      NOT NULL,
    -- Full-text search in Russian and English at once: a word matches in either language's stemming.
    search      tsvector GENERATED ALWAYS AS (
                    to_tsvector('russian', name || ' ' || coalesce(description, ''))
                    || to_tsvector('english', name || ' ' || coalesce(description, ''))) STORED
);
CREATE INDEX dreams_owner_created ON dreams (owner_id, created_at, id);
CREATE INDEX dreams_owner_name ON dreams (owner_id, lower(name), id);
CREATE INDEX dreams_search ON dreams USING gin (search);

CREATE TABLE goals (
    id          uuid PRIMARY KEY,
    owner_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- A deleted dream leaves its goals living, without a dream.
    dream_id    uuid        REFERENCES dreams (id) ON DELETE SET NULL,
    name        text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    description text        CHECK (char_length(description) <= 10000),
    due_date    date,
    status      text        NOT NULL CHECK (status IN ('active', 'achieved', 'abandoned')),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    version     bigint      NOT NULL
);
CREATE INDEX goals_owner_created ON goals (owner_id, created_at DESC, id DESC);
CREATE INDEX goals_dream ON goals (dream_id, created_at DESC, id DESC);
CREATE INDEX goals_owner_due ON goals (owner_id, due_date);

CREATE TABLE tasks (
    id           uuid PRIMARY KEY,
    owner_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    goal_id      uuid        NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    text         text        NOT NULL CHECK (char_length(text) BETWEEN 1 AND 1000),
    notes        text        CHECK (char_length(notes) <= 10000),
    due_date     date,
    done         boolean     NOT NULL,
    completed_at timestamptz,
    position     integer     NOT NULL CHECK (position >= 1),
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    version      bigint      NOT NULL,
    CHECK (done = (completed_at IS NOT NULL)),
    -- Reordering shifts several rows in one statement; uniqueness is checked at commit.
    CONSTRAINT tasks_goal_position UNIQUE (goal_id, position) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX tasks_agenda ON tasks (owner_id, due_date NULLS LAST, position, id);

CREATE TABLE diary_entries (
    id         uuid PRIMARY KEY,
    owner_id   uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    entry_date date        NOT NULL,
    title      text        CHECK (char_length(title) <= 200),
    text       text        NOT NULL CHECK (char_length(text) BETWEEN 1 AND 20000),
    mood       smallint    CHECK (mood BETWEEN 1 AND 5),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version    bigint      NOT NULL,
    search     tsvector GENERATED ALWAYS AS (
                   to_tsvector('russian', coalesce(title, '') || ' ' || text)
                   || to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED
);
CREATE INDEX diary_owner_date ON diary_entries (owner_id, entry_date DESC, id DESC);
CREATE INDEX diary_search ON diary_entries USING gin (search);

CREATE TABLE diary_entry_goals (
    entry_id uuid NOT NULL REFERENCES diary_entries (id) ON DELETE CASCADE,
    goal_id  uuid NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    position integer NOT NULL,
    PRIMARY KEY (entry_id, goal_id)
);
CREATE INDEX diary_entry_goals_goal ON diary_entry_goals (goal_id);
