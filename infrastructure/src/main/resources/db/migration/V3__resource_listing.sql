-- Unique names: written in the transaction of the event that takes the name.
CREATE TABLE public_id_claim (
    cloud         VARCHAR(64)  NOT NULL,
    resource_type VARCHAR(16)  NOT NULL,
    type          VARCHAR(32)  NOT NULL,
    public_id     TEXT COLLATE "C" NOT NULL,
    asset_id      CHAR(32)     NOT NULL,
    PRIMARY KEY (cloud, resource_type, type, public_id)
);

-- Listing read model, owned by ResourceListingProjection. public_id uses the C collation so
-- that ordering is by code point and prefix matches are index range scans.
CREATE TABLE resource_listing (
    asset_id          CHAR(32)     PRIMARY KEY,
    cloud             VARCHAR(64)  NOT NULL,
    resource_type     VARCHAR(16)  NOT NULL,
    type              VARCHAR(32)  NOT NULL,
    public_id         TEXT COLLATE "C" NOT NULL,
    format            VARCHAR(16)  NOT NULL,
    version           BIGINT       NOT NULL,
    version_id        CHAR(32)     NOT NULL,
    width             INTEGER      NOT NULL,
    height            INTEGER      NOT NULL,
    pages             INTEGER      NOT NULL,
    bytes             BIGINT       NOT NULL,
    etag              VARCHAR(64)  NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    tags              TEXT[]       NOT NULL,
    context           JSONB        NOT NULL,
    moderation_kind   VARCHAR(32),
    moderation_status VARCHAR(16),
    original_filename TEXT
);
CREATE UNIQUE INDEX resource_listing_name ON resource_listing (cloud, resource_type, type, public_id);
CREATE INDEX resource_listing_by_time ON resource_listing (cloud, resource_type, created_at, asset_id);
CREATE INDEX resource_listing_by_type_time ON resource_listing (cloud, resource_type, type, created_at, asset_id);
CREATE INDEX resource_listing_by_name ON resource_listing (cloud, resource_type, public_id, asset_id);
CREATE INDEX resource_listing_by_moderation ON resource_listing
    (cloud, resource_type, moderation_kind, moderation_status, created_at, asset_id)
    WHERE moderation_kind IS NOT NULL;

-- One row per (resource, tag), carrying the resource's time so tag listings are keyset scans.
CREATE TABLE resource_tag (
    asset_id      CHAR(32)     NOT NULL,
    tag           TEXT COLLATE "C" NOT NULL,
    cloud         VARCHAR(64)  NOT NULL,
    resource_type VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (asset_id, tag)
);
CREATE INDEX resource_tag_by_tag_time ON resource_tag (cloud, resource_type, tag, created_at, asset_id);

-- The heavier facts, read only for details and upload responses.
CREATE TABLE resource_analysis (
    asset_id CHAR(32) PRIMARY KEY,
    version  BIGINT   NOT NULL,
    phash    VARCHAR(16),
    colors   JSONB    NOT NULL,
    exif     JSONB    NOT NULL,
    metadata JSONB    NOT NULL
);
