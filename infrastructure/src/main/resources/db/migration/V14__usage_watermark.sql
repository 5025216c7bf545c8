-- The last event the usage tables contain (its global index, and the lower indexes not yet committed then), so that after an
-- online rebuild switches its tables in, the usage processor skips the events the rebuilt tables already hold.
CREATE TABLE usage_watermark (
    id       SMALLINT PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    position BIGINT   NOT NULL,
    gaps     BIGINT[] NOT NULL DEFAULT '{}'
);
