-- Media Optimizer warm-ups: derive a URL's media in the background, then tell the notification URL. Stored, so a restart or
-- another node carries on: a node claims a row by pushing leased_until forward (FOR UPDATE SKIP LOCKED) and writes its
-- outcome only while its lease holds (lease_token), so two nodes never both act on one row.
CREATE TABLE mo_warm_up (
    batch_id         CHAR(64)    PRIMARY KEY,
    cloud            VARCHAR(64) NOT NULL,
    url              TEXT        NOT NULL,
    notification_url TEXT,
    request_id       VARCHAR(64) NOT NULL,
    state            VARCHAR(16) NOT NULL,        -- deriving, notifying, done, failed
    attempts         INTEGER     NOT NULL DEFAULT 0,
    lease_token      CHAR(32),
    leased_until     TIMESTAMPTZ NOT NULL DEFAULT now(),
    derive_error     TEXT,                        -- why the derivation failed (the notification says so)
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at      TIMESTAMPTZ
);
CREATE INDEX mo_warm_up_due ON mo_warm_up (leased_until) WHERE state IN ('deriving', 'notifying');
