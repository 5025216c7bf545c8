-- An eager_async batch whose completion is to be notified: the last of its derivations to finish (on any node) counts
-- remaining down to 0 under the row's lock, so exactly one of them queues the eager notification, in its transaction.
CREATE TABLE eager_batch (
    batch_id         CHAR(32)    PRIMARY KEY,
    cloud            VARCHAR(64) NOT NULL,
    asset_id         CHAR(32)    NOT NULL,
    transformations  TEXT        NOT NULL,   -- joined by '|', in the order asked
    notification_url TEXT        NOT NULL,
    remaining        INTEGER     NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
