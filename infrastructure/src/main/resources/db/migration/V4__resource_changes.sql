-- Face and custom coordinates, shown with details' coordinates=true; owned by ResourceListingProjection.
ALTER TABLE resource_analysis ADD COLUMN faces JSONB NOT NULL DEFAULT '[]';
ALTER TABLE resource_analysis ADD COLUMN custom_coordinates JSONB NOT NULL DEFAULT '[]';

-- Deletes and renames find and lock an asset's claim by asset id.
CREATE INDEX public_id_claim_by_asset ON public_id_claim (asset_id);

-- Bytes of deleted versions waiting to be removed: written in the deletion's transaction, emptied
-- by BlobSweeper after the files are gone, so a crash in between never leaves an orphan for good.
CREATE TABLE blob_deletion (
    blob_key     TEXT        PRIMARY KEY,
    requested_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The audit trail: one row per event, owned by AuditProjection.
CREATE TABLE audit_entry (
    event_id       VARCHAR(64)  PRIMARY KEY,
    cloud          VARCHAR(64)  NOT NULL,
    asset_id       CHAR(32)     NOT NULL,
    event_type     VARCHAR(64)  NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    actor          VARCHAR(128) NOT NULL,
    request_id     VARCHAR(64),
    client_address VARCHAR(64),
    resource_type  VARCHAR(16)  NOT NULL,
    type           VARCHAR(32)  NOT NULL,
    public_id      TEXT         NOT NULL,
    changes        JSONB        NOT NULL
);
CREATE INDEX audit_entry_by_time ON audit_entry (cloud, occurred_at, event_id);
CREATE INDEX audit_entry_by_actor_time ON audit_entry (cloud, actor, occurred_at, event_id);
