-- Limits that hold under concurrency and are shared by every node.

-- Attempts at guessable or costly operations (logins per username and per client address, registrations per
-- client address): one row per key holding the times of its attempts in the window, so that counting and
-- recording one more is a single upsert on a locked row, which concurrent attempts cannot all slip past.
CREATE TABLE attempts (
    scope    text          NOT NULL CHECK (scope IN ('username', 'login_address', 'registration_address')),
    key      text          NOT NULL,
    attempts timestamptz[] NOT NULL,
    PRIMARY KEY (scope, key)
);

-- The failed-login rows are replaced by the attempts above; a failure older than 15 minutes counts for nothing.
DROP TABLE login_failures;

-- Requests per caller (a user, or a client address when anonymous) and minute, summed over the nodes: each node
-- adds what it counted locally about once a second.
CREATE TABLE request_counts (
    caller       text        NOT NULL,
    window_start timestamptz NOT NULL,
    requests     bigint      NOT NULL CHECK (requests >= 0),
    PRIMARY KEY (caller, window_start)
);
CREATE INDEX request_counts_age ON request_counts (window_start);

-- The periodic purge finds revoked sessions and expired refresh tokens without reading every row.
CREATE INDEX sessions_revoked ON sessions (revoked_at) WHERE revoked_at IS NOT NULL;
CREATE INDEX refresh_tokens_expiry ON refresh_tokens (expires_at);
