-- Chunked uploads in progress. Parts of one upload may reach different nodes, so their state
-- lives here; their bytes are written into one file per upload (blob_key), each at its offset.
-- The upload's row is locked while a part is reserved or marked written.
CREATE TABLE chunked_upload (
    upload_id    TEXT PRIMARY KEY,
    cloud        TEXT NOT NULL,
    blob_key     TEXT NOT NULL,
    total_bytes  BIGINT NOT NULL DEFAULT -1,
    assembling   BOOLEAN NOT NULL DEFAULT false,
    last_part_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX chunked_upload_last_part ON chunked_upload (last_part_at);

CREATE TABLE chunked_upload_part (
    upload_id  TEXT NOT NULL,
    first_byte BIGINT NOT NULL,
    last_byte  BIGINT NOT NULL,
    written    BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (upload_id, first_byte)
);
