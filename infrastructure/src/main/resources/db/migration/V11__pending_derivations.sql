-- eager_async work: derivations an upload or explicit asked for in the background. A node claims a
-- row by pushing leased_until forward (FOR UPDATE SKIP LOCKED, so two nodes never claim one row at
-- once); a node that dies mid-derivation leaves the lease to run out and another node takes it over.
-- Deriving twice is harmless: a derivative has one id everywhere and is made once under its lock.
CREATE TABLE pending_derivation (
    id             BIGSERIAL   PRIMARY KEY,
    cloud          VARCHAR(64) NOT NULL,
    asset_id       CHAR(32)    NOT NULL,
    transformation TEXT        NOT NULL,
    batch_id       CHAR(32)    NOT NULL,
    attempts       INTEGER     NOT NULL DEFAULT 0,
    leased_until   TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX pending_derivation_due ON pending_derivation (leased_until);
