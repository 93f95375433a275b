-- Responses recorded under the Idempotency-Key of a successful POST, so that a retry gets the same answer and
-- creates nothing twice. A record is written in the transaction that created the resource, and honoured 24 hours.

CREATE TABLE idempotency_keys (
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key          text        NOT NULL CHECK (char_length(key) BETWEEN 1 AND 255),
    -- SHA-256 of the request's method, path and body: the same key with another request is refused.
    request_hash bytea       NOT NULL,
    status       smallint    NOT NULL CHECK (status BETWEEN 200 AND 299),
    -- "Name: value" lines of the response headers that are replayed (Location, Content-Type, ETag).
    headers      text[]      NOT NULL,
    body         bytea       NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (user_id, key)
);
-- The purge deletes by age.
CREATE INDEX idempotency_keys_age ON idempotency_keys (created_at);
