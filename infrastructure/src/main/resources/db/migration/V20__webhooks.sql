-- Outgoing webhooks (upload notifications; Media Optimizer warm-up notifications): one durable queue. A row is written in
-- the transaction of the change it reports (so a committed change always has its notification, and a rolled-back one
-- none); a node claims a due row by pushing leased_until forward under FOR UPDATE SKIP LOCKED with a fresh lease_token,
-- and records the outcome only while the token holds, so two nodes never both send one.
CREATE TABLE webhook (
    id           CHAR(32)    PRIMARY KEY,
    cloud        VARCHAR(64) NOT NULL,
    kind         VARCHAR(32) NOT NULL,            -- upload, rename, delete, eager, warm_up
    url          TEXT        NOT NULL,
    body         BYTEA       NOT NULL,            -- the JSON sent, as signed
    state        VARCHAR(16) NOT NULL,            -- pending, delivered, failed
    attempts     INTEGER     NOT NULL DEFAULT 0,
    lease_token  CHAR(32),
    leased_until TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_error   TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at  TIMESTAMPTZ
);
CREATE INDEX webhook_due ON webhook (leased_until) WHERE state = 'pending';

-- Every attempt to send one, with what came of it.
CREATE TABLE webhook_attempt (
    webhook_id   CHAR(32)    NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    attempt      INTEGER     NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    status       INTEGER,                         -- the receiver's answer; null when it was not reached
    error        TEXT,
    PRIMARY KEY (webhook_id, attempt)
);
