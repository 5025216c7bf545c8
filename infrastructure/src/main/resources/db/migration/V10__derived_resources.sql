-- Derived files, owned by DerivedResourceProjection: one row per derived id (a hash of the asset's
-- version, the canonical transformation and the format, so one derivative has one id on every node).
CREATE TABLE derived_resource (
    derived_id     CHAR(32)    PRIMARY KEY,
    asset_id       CHAR(32)    NOT NULL,
    cloud          VARCHAR(64) NOT NULL,
    version_id     CHAR(32)    NOT NULL,
    transformation TEXT        NOT NULL,
    format         VARCHAR(16) NOT NULL,
    bytes          BIGINT      NOT NULL,
    width          INTEGER     NOT NULL,
    height         INTEGER     NOT NULL,
    blob_key       TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX derived_resource_by_asset ON derived_resource (asset_id, derived_id);
CREATE INDEX derived_resource_by_transformation ON derived_resource (cloud, transformation, derived_id);
